import { textElement } from "./text-layer.js";
import { wrap } from "./text.js";
import { INK, PAD, SIZE, WIDTH } from "./theme.js";

export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly anchor?: "start" | "middle" | "end";
  readonly opacity?: number;
}

/** A line of text in the bundled font (png.ts draws it from cached glyph masks). */
export function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  return textElement({ x, y, text: content, size: o.size ?? SIZE.label, bold: o.bold ?? false, fill: o.fill ?? INK.text, opacity: o.opacity ?? 1, anchor: o.anchor ?? "start" });
}

export const r = (n: number): string => (Math.round(n * 10) / 10).toString();

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ""): string {
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(Math.max(0, h))}" fill="${fill}" ${extra}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = ""): string {
  return `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${width}" ${extra}/>`;
}

/** The title block: wrapped to two lines. Returns the SVG and the y where content starts. */
export function titleBlock(title: string, width = WIDTH): { svg: string; bottom: number } {
  const lines = wrap(title, width - 2 * PAD, SIZE.title, true, 2);
  const svg = lines.map((l, i) => text(PAD, PAD + SIZE.title + i * (SIZE.title + 4), l, { size: SIZE.title, bold: true })).join("");
  return { svg, bottom: PAD + lines.length * (SIZE.title + 4) + 8 };
}

/** Notes under the chart, muted, each wrapped. Returns the SVG and the new bottom. */
export function notesBlock(notes: readonly string[], top: number, width = WIDTH): { svg: string; bottom: number } {
  let y = top;
  const parts: string[] = [];
  const all = [...notes, "[n] numbers match the sources listed with the reply."];
  for (const note of all) {
    for (const l of wrap(note, width - 2 * PAD, SIZE.small, false, 3)) {
      y += SIZE.small + 4;
      parts.push(text(PAD, y, l, { size: SIZE.small, fill: INK.muted }));
    }
  }
  return { svg: parts.join(""), bottom: y + PAD - 4 };
}

/** The opaque card every chart is drawn on. */
export function card(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}">` +
    `<rect x="0.5" y="0.5" width="${r(width - 1)}" height="${r(height - 1)}" rx="8" fill="${INK.card}" stroke="${INK.border}"/>${body}</svg>`;
}
