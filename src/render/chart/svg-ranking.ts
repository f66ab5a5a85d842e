import { scaleLinear } from "d3-scale";
import { tickLabel } from "./labels.js";
import type { Bar, BarsSpec } from "./spec.js";
import { card, line, notesBlock, rect, text, titleBlock } from "./svg-parts.js";
import { textWidth, truncate } from "./text.js";
import { colour, INK, PAD, SIZE, WIDTH } from "./theme.js";

const BAR = 14;
const NAME_GAP = 5;
const ROW_GAP = 12;
const LABEL_GAP = 6;

/** The bar itself: solid, faded when superseded, or a range with both ends marked when disputed. */
export function barShape(b: Bar, x: (v: number) => number, y: number, h: number): string {
  const fill = colour(b.series);
  if (b.low !== undefined) {
    const x0 = x(b.low);
    const x1 = Math.max(x(b.value), x0 + 2);
    return (
      rect(x(0), y + h / 2 - 1, x0 - x(0), 2, fill, `opacity="0.35"`) +
      rect(x0, y, x1 - x0, h, fill, `fill-opacity="0.3" stroke="${fill}" stroke-width="1"`) +
      line(x0, y - 3, x0, y + h + 3, fill, 3) +
      line(x1, y - 3, x1, y + h + 3, fill, 3)
    );
  }
  if (b.superseded) return rect(x(0), y, x(b.value) - x(0), h, fill, `fill-opacity="0.25" stroke="${fill}" stroke-dasharray="3 2"`);
  return rect(x(0), y, x(b.value) - x(0), h, fill);
}

/** Rankings: one row per figure, the deal's name above its bar, the cited figure at the bar's end. */
export function rankingSvg(spec: BarsSpec): { svg: string; width: number; height: number } {
  const panel = spec.panels[0];
  const bars = panel?.bars ?? [];
  const head = titleBlock(spec.title);
  const labelW = Math.max(...bars.map((b) => textWidth(b.label, SIZE.value, true)));
  const right = WIDTH - PAD - Math.min(labelW, WIDTH * 0.45) - LABEL_GAP;
  const max = Math.max(...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max]).nice(4).range([PAD, right]);
  const parts: string[] = [head.svg];
  let y = head.bottom + 4;
  const top = y;
  for (const b of bars) {
    const nameY = y + SIZE.label;
    const note = b.note ? `· ${b.note}` : "";
    const noteW = note ? textWidth(note, SIZE.small) + 6 : 0;
    const name = truncate(b.name, WIDTH - 2 * PAD - noteW, SIZE.label);
    parts.push(text(PAD, nameY, name, { opacity: b.superseded ? 0.6 : 1 }));
    if (note) parts.push(text(PAD + textWidth(name, SIZE.label) + 5, nameY, note, { size: SIZE.small, fill: INK.muted }));
    const barY = nameY + NAME_GAP;
    parts.push(barShape(b, x, barY, BAR));
    const end = x(b.value) + LABEL_GAP + (b.low !== undefined ? 2 : 0);
    const label = truncate(b.label, WIDTH - PAD - end, SIZE.value, true);
    parts.push(text(end, barY + BAR - 3, label, { size: SIZE.value, bold: true, opacity: b.superseded ? 0.6 : 1 }));
    y = barY + BAR + ROW_GAP;
    if (b.low !== undefined && b.lowLabel) {
      const lowX = x(b.low);
      const w = textWidth(`↑ ${b.lowLabel}`, SIZE.value, true);
      const anchorEnd = lowX + w > WIDTH - PAD;
      parts.push(text(anchorEnd ? lowX + 6 : lowX - 4, y + 2, `↑ ${b.lowLabel}`, { size: SIZE.value, bold: true, anchor: anchorEnd ? "end" : "start" }));
      y += SIZE.value + 6;
    }
  }
  const bottom = y - ROW_GAP + 8;
  const grid = x.ticks(4).map((t) => line(x(t), top, x(t), bottom, INK.grid, 1) + text(x(t), bottom + SIZE.small + 3, tickLabel(t, panel?.unit ?? ""), { size: SIZE.small, fill: INK.muted, anchor: t === 0 ? "start" : "middle" }));
  const notes = notesBlock(spec.notes, bottom + SIZE.small + 6);
  return { svg: card(WIDTH, notes.bottom, grid.join("") + parts.join("") + notes.svg), width: WIDTH, height: notes.bottom };
}
