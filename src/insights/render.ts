import { fitLines, LIMITS, type EmbedJson } from "../render/discord.js";
import type { LogOutcome } from "../store/question-log.js";
import type { Insights } from "./insights.js";

const LABELS: Record<LogOutcome, string> = { answered: "answered", declined: "declined (no data)", trap: "trap", help: "help", rate_limited: "rate-limited" };

function percent(n: number, total: number): string {
  return total === 0 ? "0%" : `${((100 * n) / total).toFixed(1)}%`;
}

function ms(v: number): string {
  return v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v)} ms`;
}

export function summaryLines(i: Insights): string[] {
  const shares = (Object.keys(LABELS) as LogOutcome[]).map((o) => `${LABELS[o]} ${percent(i.outcomes[o], i.total)} (${i.outcomes[o]})`);
  return [
    `${i.total} questions in the last ${i.days} day${i.days === 1 ? "" : "s"} (since ${new Date(i.since).toISOString().slice(0, 16).replace("T", " ")} UTC).`,
    `Outcomes: ${shares.join(" · ")}`,
    i.latency ? `Latency (question to reply delivered): median ${ms(i.latency.median)}, p95 ${ms(i.latency.p95)}` : "Latency: no replies yet",
    `Feedback: ${i.votes.up} helpful, ${i.votes.down} wrong or unhelpful`,
  ];
}

export function unansweredLines(i: Insights, top: number): string[] {
  const lines = i.unanswered.slice(0, top).map((g) => {
    const also = g.variants.length > 0 ? ` (also: ${g.variants.slice(0, 3).map((v) => `“${v}”`).join(", ")}${g.variants.length > 3 ? ", …" : ""})` : "";
    return `${g.count}× “${g.text}”${also}`;
  });
  if (i.unansweredWithoutText > 0) lines.push(`${i.unansweredWithoutText}× (DM questions whose text is not kept)`);
  return lines.length > 0 ? lines : ["none"];
}

export function wrongFactLines(i: Insights, top: number): string[] {
  const lines = i.wrongFacts.slice(0, top).map((f) => `${f.count}× ${f.factId}${f.comments.length > 0 ? `: ${f.comments.map((c) => `“${c}”`).join("; ")}` : ""}`);
  if (i.downWithoutFacts > 0) lines.push(`${i.downWithoutFacts} more on answers that gave no figure`);
  return lines.length > 0 ? lines : ["none"];
}

/** The plain-text report of `npm run insights`. */
export function insightsText(i: Insights, top = 20): string {
  return [
    "DealDesk insights",
    ...summaryLines(i),
    "",
    "Top unanswered questions:",
    ...unansweredLines(i, top).map((l) => `  ${l}`),
    "",
    "Facts most often marked wrong:",
    ...wrongFactLines(i, top).map((l) => `  ${l}`),
  ].join("\n");
}

/** One CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function cell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The unanswered questions for a spreadsheet (RFC 4180). */
export function unansweredCsv(i: Insights): string {
  const rows = [["count", "question", "variants", "last_asked"]];
  for (const g of i.unanswered) rows.push([String(g.count), g.text, g.variants.join(" | "), new Date(g.lastAsked).toISOString()]);
  return `${rows.map((r, n) => r.map((c, k) => (n > 0 && k === 0 ? c : cell(c))).join(",")).join("\r\n")}\r\n`;
}

/** `/admin insights`: one embed within Discord's limits. */
export function insightsEmbed(i: Insights, extra: readonly string[] = []): EmbedJson {
  const field = (name: string, lines: string[]) => ({ name, value: fitLines(lines, LIMITS.fieldValue) });
  return {
    title: `DealDesk insights: last ${i.days} day${i.days === 1 ? "" : "s"}`,
    description: fitLines([...summaryLines(i), ...extra], 1500),
    color: 0x2b6cb0,
    fields: [field("Top unanswered questions", unansweredLines(i, 10)), field("Facts most often marked wrong", wrongFactLines(i, 8))],
    footer: { text: "npm run insights -- --csv exports every unanswered question" },
  };
}
