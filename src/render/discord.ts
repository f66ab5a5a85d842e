import type { Answer, AnswerSource } from "../engine/answer-model.js";
import { renderLine } from "./plain.js";
import { dateOrNotGiven, titleOrPlace } from "./source-line.js";

/** Discord's documented embed limits. */
export const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, total: 6000, content: 2000 } as const;

export interface EmbedJson {
  title?: string;
  description: string;
  color: number;
  fields: Array<{ name: string; value: string; inline?: boolean }>;
  footer: { text: string };
}

const BRAND = 0x2b6cb0;

/** Keep whole lines while they fit; say so when some were left out. Never cuts inside a line's citation. */
export function fitLines(lines: readonly string[], max: number, more = "…"): string {
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = line.length + (out.length > 0 ? 1 : 0);
    if (used + cost > max - more.length - 1) {
      if (out.length === 0) out.push(cutAtWord(line, max - more.length - 1));
      out.push(more);
      return out.join("\n");
    }
    out.push(line);
    used += cost;
  }
  return out.join("\n");
}

/** A single over-long line is cut at a space, before any markdown link it would split. */
function cutAtWord(line: string, max: number): string {
  let cut = line.slice(0, max);
  const openLink = cut.lastIndexOf("[");
  if (openLink > cut.lastIndexOf(")")) cut = cut.slice(0, openLink);
  const space = cut.lastIndexOf(" ");
  return space > max / 2 ? cut.slice(0, space) : cut;
}

const escapeMd = (s: string) => s.replace(/([*_~`|\\[\]])/g, "\\$1");

function citeLinks(answer: Answer, ns: readonly number[]): string {
  return ` ${ns
    .map((n) => {
      const url = answer.sources[n - 1]?.url;
      return url ? `[\\[${n}\\]](${url})` : `\\[${n}\\]`;
    })
    .join("")}`;
}

function sourceEntry(s: AnswerSource): string {
  const named = titleOrPlace(s).text;
  const title = escapeMd(named.length > 120 ? `${named.slice(0, 119)}…` : named);
  const head = s.url ? `[${title}](${s.url})` : title;
  const quote = escapeMd(s.quote.length > 200 ? `${s.quote.slice(0, 199)}…` : s.quote);
  return `**[${s.n}]** ${escapeMd(s.publisher)}, ${head}, ${dateOrNotGiven(s)} (tier ${s.tier})\n> ${quote}`;
}

/** An Answer as one embed: figures in bold, citations as masked links, then the sources. */
export function renderEmbed(answer: Answer, footer: string, title?: string): EmbedJson {
  const lines = answer.lines.map((line) => renderLine(answer, line.map((p) => (typeof p === "string" ? escapeMd(p) : p)), (d) => `**${escapeMd(d)}**`, (ns) => citeLinks(answer, ns)));
  const footerText = footer.slice(0, LIMITS.footer);
  const titleText = title?.slice(0, LIMITS.title);
  // The 6,000-character total is shared: leave room for the sources after title and footer.
  const descriptionMax = Math.min(LIMITS.description - 200, LIMITS.total - footerText.length - (titleText?.length ?? 0) - 1200);
  const description = fitLines(lines, Math.max(200, descriptionMax));
  const embed: EmbedJson = { description, color: BRAND, fields: [], footer: { text: footerText } };
  if (titleText) embed.title = titleText;
  let budget = LIMITS.total - description.length - footerText.length - (titleText?.length ?? 0) - 50;
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const value = chunk.join("\n");
    embed.fields.push({ name: embed.fields.length === 0 ? "Sources" : "Sources (continued)", value });
    budget -= value.length + 20;
    chunk = [];
  };
  for (const s of answer.sources) {
    const entry = sourceEntry(s).slice(0, LIMITS.fieldValue);
    if (chunk.join("\n").length + entry.length + 1 > LIMITS.fieldValue) flush();
    // Room for this entry, the field's name, and a closing "…and N more sources" line.
    if (chunk.join("\n").length + entry.length + 80 > budget || embed.fields.length >= LIMITS.fields - 1) {
      chunk.push(`…and ${answer.sources.length - s.n + 1} more sources`.slice(0, LIMITS.fieldValue));
      break;
    }
    chunk.push(entry);
  }
  flush();
  return embed;
}

/** Total characters Discord counts against the 6,000 limit. */
export function embedSize(e: EmbedJson): number {
  return (e.title?.length ?? 0) + e.description.length + e.footer.text.length + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}
