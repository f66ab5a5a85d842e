import path from "node:path";
import { fileURLToPath } from "node:url";

/** The bundled font (Inter, SIL OFL 1.1): the same glyphs on every machine. */
const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../assets/fonts");
export const FONT_FILES = { regular: path.join(FONT_DIR, "Inter_400Regular.ttf"), bold: path.join(FONT_DIR, "Inter_600SemiBold.ttf") } as const;
export const FONT_FAMILY = "Inter";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. Yellow last: weakest on a light card. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442"] as const;
export const colour = (series: number): string => PALETTE[series % PALETTE.length] ?? "#0072B2";

/** An opaque light card: reads the same on Discord's dark and light themes. */
export const INK = { card: "#F7F7F4", border: "#CFCFC8", text: "#1F2328", muted: "#5A6169", grid: "#E1E1DA", faded: "#9AA0A6" } as const;

/** Logical size; the PNG is rendered at ZOOM times this, crisp when Discord scales it down. */
export const WIDTH = 560;
export const ZOOM = 1.5;
export const PAD = 18;
export const SIZE = { title: 15, label: 12, value: 12, small: 10.5, column: 11 } as const;
