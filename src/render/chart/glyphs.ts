import type { Face, Glyph } from "./font.js";
import { shape } from "./shaping.js";

/**
 * Text drawn as the bundled font's outlines, so the rasteriser needs no font at all. Each glyph's
 * outline at a size is turned into relative path data once and cached; drawing a string is then one
 * absolute move per glyph followed by that cached text.
 */
const outlines = new WeakMap<Face, Map<string, string>>();

/** Hundredths of a pixel, the precision of every coordinate written. */
const hundredths = (n: number): string => (Math.round(n * 100) / 100).toString();

/** Relative path data of one glyph at `size` px, starting from its origin; y grows downwards. */
function glyphOutline(f: Face, glyph: Glyph, size: number): string {
  let cache = outlines.get(f);
  if (!cache) outlines.set(f, (cache = new Map()));
  const key = `${glyph.id}@${size}`;
  let d = cache.get(key);
  if (d !== undefined) return d;
  const scale = (100 * size) / f.unitsPerEm;
  // Work in whole hundredths so the relative steps add up exactly to the rounded absolute points.
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const parts: string[] = [];
  const step = (args: readonly number[]): string => {
    const out: number[] = [];
    let px = x;
    let py = y;
    for (let i = 0; i + 1 < args.length; i += 2) {
      const ax = Math.round(args[i]! * scale);
      const ay = Math.round(-args[i + 1]! * scale);
      out.push((ax - x) / 100, (ay - y) / 100);
      px = ax;
      py = ay;
    }
    x = px;
    y = py;
    return out.map((n, i) => (i > 0 && n >= 0 ? " " : "") + n.toString()).join("");
  };
  for (const c of glyph.path.commands) {
    if (c.command === "closePath") {
      parts.push("z");
      x = startX;
      y = startY;
      continue;
    }
    const letter = c.command === "moveTo" ? "m" : c.command === "lineTo" ? "l" : c.command === "quadraticCurveTo" ? "q" : "c";
    parts.push(letter + step(c.args));
    if (c.command === "moveTo") {
      startX = x;
      startY = y;
    }
  }
  d = parts.join("");
  cache.set(key, d);
  return d;
}

export type Anchor = "start" | "middle" | "end";

/** Path data for `text` with its baseline at y, anchored at x like SVG's text-anchor; "" when nothing shows. */
export function textOutline(x: number, y: number, text: string, size: number, bold: boolean, anchor: Anchor = "start"): string {
  const { face: f, glyphs, advances } = shape(text, bold);
  const unit = size / f.unitsPerEm;
  const width = advances.reduce((a, b) => a + b, 0) * unit;
  let pen = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  const base = hundredths(y);
  let d = "";
  glyphs.forEach((g, i) => {
    // Glyph 0 is "not in the font": a gap, as resvg drew it.
    const outline = g.id !== 0 && g.path.commands.length > 0 ? glyphOutline(f, g, size) : "";
    if (outline) d += `M${hundredths(pen)} ${base}${outline}`;
    pen += advances[i]! * unit;
  });
  return d;
}
