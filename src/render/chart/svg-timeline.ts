import { scaleUtc } from "d3-scale";
import { formatDay } from "./build-other.js";
import type { TimelineSpec } from "./spec.js";
import { card, line, notesBlock, text, titleBlock } from "./svg-parts.js";
import { textWidth, truncate } from "./text.js";
import { colour, INK, PAD, SIZE, WIDTH } from "./theme.js";

const ROW = 36;
const STRIP = 190;
const MAX_R = 13;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A company's deals: one row per deal in date order, each placed on a time strip; dot area is the dollar figure. */
export function timelineSvg(spec: TimelineSpec): { svg: string; width: number; height: number } {
  const head = titleBlock(spec.title);
  const parts = [head.svg];
  const textRight = WIDTH - PAD - STRIP - 14;
  const stripLeft = textRight + 14 + MAX_R;
  const stripRight = WIDTH - PAD - MAX_R;
  const dates = spec.events.map((e) => day(e.date));
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const span = Math.max(last.getTime() - first.getTime(), 30 * 86_400_000);
  const x = scaleUtc().domain([new Date(first.getTime() - span * 0.04), new Date(last.getTime() + span * 0.04)]).range([stripLeft, stripRight]);
  const maxDollars = Math.max(0, ...spec.events.map((e) => e.dollars ?? 0));
  const radius = (d: number) => Math.max(3, MAX_R * Math.sqrt(d / maxDollars));
  const top = head.bottom + SIZE.small + 10;
  const bottom = top + spec.events.length * ROW;
  // Keep only ticks whose labels do not run into the previous one.
  let lastEnd = -Infinity;
  for (const t of x.ticks(Math.max(2, Math.floor(STRIP / 60)))) {
    const label = `${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
    const half = textWidth(label, SIZE.small) / 2;
    if (x(t) - half < lastEnd + 8 || x(t) + half > WIDTH - 6) continue;
    lastEnd = x(t) + half;
    parts.push(line(x(t), top - 4, x(t), bottom, INK.grid, 1));
    parts.push(text(x(t), top - 8, label, { size: SIZE.small, fill: INK.muted, anchor: "middle" }));
  }
  spec.events.forEach((e, i) => {
    const y = top + i * ROW;
    const name = `${formatDay(e.date)} · ${e.name}`;
    parts.push(text(PAD, y + SIZE.label + 2, truncate(name, textRight - PAD, SIZE.label), {}));
    if (e.label) parts.push(text(PAD, y + SIZE.label * 2 + 6, truncate(e.label, textRight - PAD, SIZE.value, true), { size: SIZE.value, bold: true }));
    const cx = x(day(e.date));
    const cy = y + ROW / 2;
    parts.push(line(stripLeft - MAX_R, cy, stripRight + MAX_R, cy, INK.grid, 0.5, `stroke-dasharray="2 3"`));
    parts.push(
      e.dollars !== undefined && maxDollars > 0
        ? `<circle cx="${cx}" cy="${cy}" r="${radius(e.dollars)}" fill="${colour(0)}" fill-opacity="0.85"/>`
        : `<circle cx="${cx}" cy="${cy}" r="4.5" fill="${INK.card}" stroke="${colour(3)}" stroke-width="2"/>`,
    );
  });
  const notes = notesBlock(spec.notes, bottom);
  return { svg: card(WIDTH, notes.bottom, parts.join("") + notes.svg), width: WIDTH, height: notes.bottom };
}
