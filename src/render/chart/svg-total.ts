import { scaleLinear } from "d3-scale";
import { tickLabel } from "./labels.js";
import type { TotalSpec } from "./spec.js";
import { card, line, notesBlock, rect, text, titleBlock } from "./svg-parts.js";
import { textWidth, truncate } from "./text.js";
import { INK, PAD, PALETTE, SIZE, WIDTH } from "./theme.js";

const BAR = 30;
const fillOf = (series: number): string => PALETTE[series] ?? "#8C8C8C";

/** Totals: the computed total, one stacked bar of its cited parts, and a legend row per part. */
export function totalSvg(spec: TotalSpec): { svg: string; width: number; height: number } {
  const head = titleBlock(spec.title);
  const parts = [head.svg];
  let y = head.bottom + SIZE.title;
  parts.push(text(PAD, y, `Total: ${spec.total.label}`, { size: SIZE.title, bold: true }));
  y += 12;
  const sum = spec.parts.reduce((s, p) => s + p.value, 0);
  const x = scaleLinear().domain([0, Math.max(sum, spec.total.value)]).nice(4).range([PAD, WIDTH - PAD]);
  let at = 0;
  for (const p of spec.parts) {
    parts.push(rect(x(at), y, x(at + p.value) - x(at), BAR, fillOf(p.series), `stroke="${INK.card}" stroke-width="1"`));
    at += p.value;
  }
  const axis = y + BAR + 4;
  for (const t of x.ticks(4)) {
    parts.push(line(x(t), axis - 2, x(t), axis + 2, INK.muted, 1));
    parts.push(text(x(t), axis + SIZE.small + 4, tickLabel(t, spec.unit), { size: SIZE.small, fill: INK.muted, anchor: t === 0 ? "start" : x(t) > WIDTH - PAD - 20 ? "end" : "middle" }));
  }
  y = axis + SIZE.small + 18;
  for (const p of spec.parts) {
    const labelW = textWidth(p.label, SIZE.value, true);
    parts.push(rect(PAD, y - 10, 11, 11, fillOf(p.series), `rx="2" stroke="${INK.muted}" stroke-width="0.5"`));
    parts.push(text(PAD + 17, y, truncate(p.name, WIDTH - 2 * PAD - 17 - labelW - 12, SIZE.label)));
    parts.push(text(WIDTH - PAD, y, p.label, { size: SIZE.value, bold: true, anchor: "end" }));
    y += SIZE.label + 8;
  }
  const notes = notesBlock(spec.notes, y - 4);
  return { svg: card(WIDTH, notes.bottom, parts.join("") + notes.svg), width: WIDTH, height: notes.bottom };
}
