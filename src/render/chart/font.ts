import * as fontkit from "fontkit";
import { FONT_FILES } from "./theme.js";

/** The parts of a fontkit font the chart code uses. */
export interface PathCommand {
  readonly command: "moveTo" | "lineTo" | "quadraticCurveTo" | "bezierCurveTo" | "closePath";
  readonly args: readonly number[];
}
export interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
  readonly path: { readonly commands: readonly PathCommand[]; readonly cbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number } };
}
export interface Face {
  readonly unitsPerEm: number;
  glyphForCodePoint(cp: number): Glyph;
  /** fontkit's full shaper: about 1 ms a call, so only for the few words the font substitutes in. */
  layout(text: string): { readonly glyphs: readonly Glyph[] };
  readonly GPOS?: unknown;
  readonly GSUB?: unknown;
}

let faces: { regular: Face; bold: Face } | undefined;

/** The bundled font's two weights, opened once per thread. */
export function face(bold: boolean): Face {
  faces ??= { regular: fontkit.openSync(FONT_FILES.regular) as unknown as Face, bold: fontkit.openSync(FONT_FILES.bold) as unknown as Face };
  return bold ? faces.bold : faces.regular;
}

const cmaps = new WeakMap<Face, Map<number, Glyph>>();

/** The glyph for a code point, cached: fontkit's own look-up builds a new glyph object each call. */
export function glyphFor(f: Face, cp: number): Glyph {
  let cmap = cmaps.get(f);
  if (!cmap) cmaps.set(f, (cmap = new Map()));
  let g = cmap.get(cp);
  if (!g) cmap.set(cp, (g = f.glyphForCodePoint(cp)));
  return g;
}
