import { Resvg } from "@resvg/resvg-js";
import type { Face, Glyph } from "./font.js";
import { glyphOutline } from "./glyphs.js";

/**
 * Anti-aliased coverage masks of single glyphs, drawn by resvg once and cached. A glyph's origin
 * is placed at a quarter-pixel step across and on a whole pixel down (baselines snap, as in
 * browsers), so each glyph and size has at most four masks; the masks a chart still lacks are
 * drawn together in atlases, usually one resvg call.
 */
export interface Mask {
  /** Where the mask's top-left pixel sits relative to the glyph's whole-pixel origin. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly alpha: Uint8Array;
}
export interface MaskRequest {
  readonly face: Face;
  readonly glyph: Glyph;
  /** Font size in device pixels. */
  readonly size: number;
  /** The origin's offset across, in quarter pixels (0–3). */
  readonly qx: number;
}

export const STEPS = 4;
const ATLAS_WIDTH = 1024;
const PER_ATLAS = 1_000;
const MAX_MASKS = 50_000;
const faceIds = new WeakMap<Face, number>();
let nextFace = 0;
const masks = new Map<string, Mask>();

export function maskKey(m: MaskRequest): string {
  let id = faceIds.get(m.face);
  if (id === undefined) faceIds.set(m.face, (id = nextFace++));
  return `${id}:${m.glyph.id}:${m.size}:${m.qx}`;
}

/** The masks for these requests (keyed by maskKey), drawing any not yet cached in one atlas. */
export function masksFor(requests: Iterable<MaskRequest>): Map<string, Mask> {
  const out = new Map<string, Mask>();
  const missing = new Map<string, MaskRequest>();
  for (const req of requests) {
    const key = maskKey(req);
    const m = masks.get(key);
    if (m) out.set(key, m);
    else missing.set(key, req);
  }
  if (missing.size === 0) return out;
  if (masks.size + missing.size > MAX_MASKS) masks.clear();
  const todo = [...missing];
  for (let i = 0; i < todo.length; i += PER_ATLAS) {
    for (const [key, m] of drawAtlas(todo.slice(i, i + PER_ATLAS))) {
      masks.set(key, m);
      out.set(key, m);
    }
  }
  return out;
}

function drawAtlas(requests: Array<[string, MaskRequest]>): Array<[string, Mask]> {
  // Lay the cells out in rows; each cell is the glyph's control box plus a pixel of margin.
  const cells = requests.map(([key, q]) => {
    const scale = q.size / q.face.unitsPerEm;
    const box = q.glyph.path.commands.length > 0 ? q.glyph.path.cbox : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const left = Math.floor(box.minX * scale) - 1;
    const top = Math.floor(-box.maxY * scale) - 1;
    const width = Math.ceil(box.maxX * scale) + 2 - left;
    const height = Math.ceil(-box.minY * scale) + 2 - top;
    return { key, q, left, top, width, height, cx: 0, cy: 0 };
  });
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const c of cells) {
    if (x + c.width > ATLAS_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    c.cx = x;
    c.cy = y;
    x += c.width;
    rowHeight = Math.max(rowHeight, c.height);
  }
  const atlasHeight = Math.max(1, y + rowHeight);
  const d = cells
    .filter((c) => c.q.glyph.path.commands.length > 0)
    .map((c) => `M${c.cx - c.left + c.q.qx / STEPS} ${c.cy - c.top}${glyphOutline(c.q.face, c.q.glyph, c.q.size)}`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${ATLAS_WIDTH}" height="${atlasHeight}"><path d="${d}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2 }).render();
  const pixels = image.pixels;
  return cells.map((c) => {
    const alpha = new Uint8Array(c.width * c.height);
    for (let j = 0; j < c.height; j++) for (let i = 0; i < c.width; i++) alpha[j * c.width + i] = pixels[((c.cy + j) * ATLAS_WIDTH + c.cx + i) * 4 + 3]!;
    return [c.key, { left: c.left, top: c.top, width: c.width, height: c.height, alpha }];
  });
}
