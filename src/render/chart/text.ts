import { face, glyphFor } from "./font.js";

/** Text measured with the bundled font's advance widths, for layout and truncation (drawn text is kerned too; Inter's kerning mostly tightens). */
export function textWidth(text: string, size: number, bold = false): number {
  const f = face(bold);
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 32;
    if (cp > 0xffff) i++;
    units += glyphFor(f, cp).advanceWidth;
  }
  return (units / f.unitsPerEm) * size;
}

/** The longest prefix (cut at a word when it can be) that fits, with an ellipsis when cut. */
export function truncate(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.slice(0, lo);
  const space = cut.lastIndexOf(" ");
  return `${(space > lo * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Words into at most `maxLines` lines of `max` width; the last line is truncated if it must be. */
export function wrap(text: string, max: number, size: number, bold = false, maxLines = 2): string[] {
  const lines: string[] = [];
  let current = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = current ? `${current} ${word}` : word;
    if (textWidth(next, size, bold) <= max || !current) {
      current = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(truncate(`${current} ${words.slice(i).join(" ")}`, max, size, bold));
      return lines;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(truncate(current, max, size, bold));
  return lines;
}

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
