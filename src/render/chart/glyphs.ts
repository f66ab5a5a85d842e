import type { Face, Glyph } from "./font.js";

/**
 * The bundled font's glyph outlines as SVG path data, each glyph at a size turned into relative
 * path data once and cached (glyph-masks.ts draws them into coverage masks).
 */
const outlines = new WeakMap<Face, Map<string, string>>();

/** Relative path data of one glyph at `size` px, starting from its origin; y grows downwards. */
export function glyphOutline(f: Face, glyph: Glyph, size: number): string {
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
