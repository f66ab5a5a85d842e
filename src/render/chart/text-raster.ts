import { type Mask, type MaskRequest, maskKey, masksFor, STEPS } from "./glyph-masks.js";
import { shape } from "./shaping.js";
import type { TextRun } from "./text-layer.js";

/**
 * Text drawn straight into the rendered pixels: each glyph's cached coverage mask, blended in
 * the run's colour. resvg would fill every glyph outline again on every chart, which was most of
 * a text-heavy chart's render time; a mask is drawn once and then only copied.
 */
interface Placed {
  readonly request: MaskRequest;
  readonly x: number;
  readonly y: number;
  readonly run: TextRun;
}

function place(runs: readonly TextRun[], zoom: number): Placed[] {
  const placed: Placed[] = [];
  for (const run of runs) {
    const { face, glyphs, advances } = shape(run.text, run.bold);
    const unit = run.size / face.unitsPerEm;
    const width = advances.reduce((a, b) => a + b, 0) * unit;
    let pen = run.anchor === "middle" ? run.x - width / 2 : run.anchor === "end" ? run.x - width : run.x;
    const y = Math.round(run.y * zoom);
    glyphs.forEach((glyph, i) => {
      // Glyph 0 is "not in the font": a gap, as resvg drew it.
      if (glyph.id !== 0 && glyph.path.commands.length > 0) {
        const at = Math.round(pen * zoom * STEPS);
        const x = Math.floor(at / STEPS);
        placed.push({ request: { face, glyph, size: run.size * zoom, qx: at - x * STEPS }, x, y, run });
      }
      pen += advances[i]! * unit;
    });
  }
  return placed;
}

const rgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.replace("#", "").padEnd(6, "0").slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** Blend one mask into premultiplied RGBA at whole-pixel origin (x, y). */
function blend(pixels: Uint8Array, width: number, height: number, m: Mask, x: number, y: number, colour: [number, number, number], opacity: number): void {
  const [r, g, b] = colour;
  for (let j = 0; j < m.height; j++) {
    const py = y + m.top + j;
    if (py < 0 || py >= height) continue;
    for (let i = 0; i < m.width; i++) {
      const coverage = m.alpha[j * m.width + i]!;
      const px = x + m.left + i;
      if (coverage === 0 || px < 0 || px >= width) continue;
      const a = (coverage * opacity) / 255;
      const keep = 1 - a;
      const o = (py * width + px) * 4;
      pixels[o] = Math.round(r * a + pixels[o]! * keep);
      pixels[o + 1] = Math.round(g * a + pixels[o + 1]! * keep);
      pixels[o + 2] = Math.round(b * a + pixels[o + 2]! * keep);
      pixels[o + 3] = Math.round(255 * a + pixels[o + 3]! * keep);
    }
  }
}

/** Draw the runs into premultiplied RGBA pixels of an image rendered at `zoom`. */
export function drawText(pixels: Uint8Array, width: number, height: number, runs: readonly TextRun[], zoom: number): void {
  const placed = place(runs, zoom);
  const masks = masksFor(placed.map((p) => p.request));
  const colours = new Map<string, [number, number, number]>();
  for (const p of placed) {
    const mask = masks.get(maskKey(p.request));
    if (!mask) continue;
    let colour = colours.get(p.run.fill);
    if (!colour) colours.set(p.run.fill, (colour = rgb(p.run.fill)));
    blend(pixels, width, height, mask, p.x, p.y, colour, p.run.opacity);
  }
}

/** Printable ASCII and the punctuation the charts use. */
const COMMON = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ..."·–—…↑↓≈€£¥×"];

/** Draw the masks of the common characters at one size and weight, so the first charts are not the slow ones. */
export function warmGlyphMasks(size: number, bold: boolean, zoom: number): number {
  const { face, glyphs } = shape(COMMON.join(""), bold);
  const requests: MaskRequest[] = [];
  for (const glyph of glyphs) for (let qx = 0; qx < STEPS; qx++) if (glyph.id !== 0 && glyph.path.commands.length > 0) requests.push({ face, glyph, size: size * zoom, qx });
  return masksFor(requests).size;
}
