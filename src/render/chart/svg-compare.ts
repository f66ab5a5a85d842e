import { shortName } from "./labels.js";
import type { Bar, BarsSpec, Panel } from "./spec.js";
import { card, line, notesBlock, rect, text, titleBlock } from "./svg-parts.js";
import { truncate, wrap } from "./text.js";
import { colour, INK, PAD, SIZE, WIDTH } from "./theme.js";

const PLOT = 150;
const PANEL_GAP = 18;
const VALUE = SIZE.column;

/** One column: solid, faded when superseded, a range with both ends marked when disputed. */
function column(b: Bar, cx: number, w: number, y: (v: number) => number): string {
  const fill = colour(b.series);
  if (b.low !== undefined) {
    const top = y(b.value);
    const bottom = Math.max(y(b.low), top + 2);
    return (
      rect(cx - 1, bottom, 2, y(0) - bottom, fill, `opacity="0.35"`) +
      rect(cx - w / 2, top, w, bottom - top, fill, `fill-opacity="0.3" stroke="${fill}"`) +
      line(cx - w / 2 - 3, top, cx + w / 2 + 3, top, fill, 3) +
      line(cx - w / 2 - 3, bottom, cx + w / 2 + 3, bottom, fill, 3)
    );
  }
  if (b.superseded) return rect(cx - w / 2, y(b.value), w, y(0) - y(b.value), fill, `fill-opacity="0.25" stroke="${fill}" stroke-dasharray="3 2"`);
  return rect(cx - w / 2, y(b.value), w, y(0) - y(b.value), fill);
}

function panelSvg(p: Panel, left: number, width: number, top: number): { svg: string; bottom: number } {
  const parts: string[] = [];
  const title = wrap(p.title, width, SIZE.label, true, 2);
  title.forEach((l, i) => parts.push(text(left, top + SIZE.label + i * (SIZE.label + 3), l, { bold: true })));
  const labelRoom = 3 * (VALUE + 3);
  const plotTop = top + title.length * (SIZE.label + 3) + 6 + labelRoom;
  const base = plotTop + PLOT;
  const max = Math.max(...p.bars.map((b) => b.value));
  const y = (v: number) => base - (v / max) * PLOT;
  const slot = width / p.bars.length;
  const colW = Math.min(46, slot * 0.55);
  let bottom = base;
  p.bars.forEach((b, i) => {
    const cx = left + slot * (i + 0.5);
    parts.push(column(b, cx, colW, y));
    const above = [...wrap(b.label, slot - 4, VALUE, true, 2), ...(b.note ? [truncate(b.note, slot - 4, SIZE.small)] : [])];
    above.forEach((l, j) => parts.push(text(cx, y(b.value) - 6 - (above.length - 1 - j) * (VALUE + 3), l, { size: j < above.length - (b.note ? 1 : 0) ? VALUE : SIZE.small, bold: j < above.length - (b.note ? 1 : 0), anchor: "middle", fill: b.note && j === above.length - 1 ? INK.muted : INK.text })));
    if (b.low !== undefined && b.lowLabel) {
      const lows = wrap(b.lowLabel, slot - 4, VALUE, true, 2);
      const room = base - y(b.low);
      const start = room >= lows.length * (VALUE + 3) + 6 ? y(b.low) + VALUE + 3 : y(b.low) - 4 - (lows.length - 1) * (VALUE + 3);
      lows.forEach((l, j) => parts.push(text(cx, start + j * (VALUE + 3), l, { size: VALUE, bold: true, anchor: "middle" })));
    }
    const names = wrap(shortName(b.name), slot - 4, SIZE.small, false, 2);
    names.forEach((l, j) => parts.push(text(cx, base + SIZE.small + 4 + j * (SIZE.small + 3), l, { size: SIZE.small, anchor: "middle", fill: INK.muted })));
    bottom = Math.max(bottom, base + 6 + names.length * (SIZE.small + 3));
  });
  parts.push(line(left, base, left + width, base, INK.muted, 1));
  return { svg: parts.join(""), bottom };
}

/** Comparisons: a legend of deals, then one panel per unit side by side, each from zero. */
export function compareSvg(spec: BarsSpec): { svg: string; width: number; height: number } {
  const head = titleBlock(spec.title);
  const parts = [head.svg];
  let y = head.bottom;
  for (const l of spec.legend) {
    parts.push(rect(PAD, y + 1, 10, 10, colour(l.series), `rx="2"`));
    parts.push(text(PAD + 16, y + 10, truncate(l.name, WIDTH - 2 * PAD - 16, SIZE.label), {}));
    y += SIZE.label + 6;
  }
  y += 8;
  const n = spec.panels.length;
  const width = (WIDTH - 2 * PAD - PANEL_GAP * (n - 1)) / n;
  let bottom = y;
  spec.panels.forEach((p, i) => {
    const left = PAD + i * (width + PANEL_GAP);
    const drawn = panelSvg(p, left, width, y);
    if (i > 0) parts.push(line(left - PANEL_GAP / 2, y, left - PANEL_GAP / 2, drawn.bottom, INK.grid, 1));
    parts.push(drawn.svg);
    bottom = Math.max(bottom, drawn.bottom);
  });
  const notes = notesBlock([...spec.notes, ...(n > 1 ? ["Each panel has its own unit and scale, starting at zero."] : [])], bottom + 4);
  return { svg: card(WIDTH, notes.bottom, parts.join("") + notes.svg), width: WIDTH, height: notes.bottom };
}
