import { MessageFlags } from "discord.js";
import type { Answer } from "../engine/answer-model.js";
import type { SearchIndex } from "../engine/search-index.js";
import { EXAMPLE_QUESTIONS } from "../engine/compose/misc.js";
import { formatLoadError } from "../kb/types.js";
import { summarize } from "../kb/summary.js";
import { fitLines, LIMITS, renderEmbed, type EmbedJson } from "../render/discord.js";
import type { ShardReload } from "./types.js";

/** Pure builders of Discord message payloads. Handlers send them; tests inspect them. */

export interface ReplyPayload {
  content?: string;
  embeds?: EmbedJson[];
  flags?: MessageFlags.Ephemeral;
  /** Attachments, such as a chart the embed shows as its image. */
  files?: Array<{ attachment: Buffer; name: string; description: string }>;
}

export function footerFor(index: SearchIndex): string {
  const s = summarize(index.kb);
  return `DealDesk · data version ${index.kb.version} · ${s.deals} deals, ${s.facts} facts`;
}

export function answerReply(answer: Answer, index: SearchIndex, ephemeral = false, title?: string): ReplyPayload {
  return { embeds: [renderEmbed(answer, footerFor(index), title)], ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

export function notice(text: string): ReplyPayload {
  return { content: text.slice(0, LIMITS.content), flags: MessageFlags.Ephemeral };
}

export const GENERIC_ERROR = "Sorry, something went wrong on my side. It has been logged; please try again.";

/** One error line at most this long, so the first error (and its file) always fits the embed. */
const MAX_ERROR_LINE = 300;

/**
 * The report of a reload on each shard. Every error line starts with its file and is cut to a
 * fixed length, so a long first error can never push the file name out; the whole text passes
 * through the logger's redactor, since error text can quote data a link pulled in.
 */
export function reloadReply(reports: readonly ShardReload[], redact: (text: string) => string): ReplyPayload {
  const lines: string[] = [];
  for (const r of reports) {
    const who = reports.length > 1 ? `Shard ${r.shard}: ` : "";
    if (r.ok) {
      lines.push(
        `${who}reloaded. Deals ${r.before.deals} → ${r.after.deals}, facts ${r.before.facts} → ${r.after.facts}; ` +
          `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed (data version ${r.version}).`,
      );
    } else {
      const what = r.held ? "reload held, not applied" : "reload failed";
      lines.push(`${who}${what}; still answering from the previous data. ${r.errors.length} error${r.errors.length === 1 ? "" : "s"}:`);
      for (const e of r.errors) lines.push(`• ${cut(formatLoadError(e), MAX_ERROR_LINE)}`);
    }
  }
  const ok = reports.every((r) => r.ok);
  const held = !ok && reports.every((r) => r.ok || r.held);
  return {
    embeds: [
      {
        title: ok ? "Reload complete" : held ? "Reload held" : "Reload failed",
        description: redact(fitLines(lines, LIMITS.description)),
        color: ok ? 0x2f855a : held ? 0xd69e2e : 0xc53030,
        fields: [],
        footer: { text: "DealDesk admin" },
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

function cut(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export function statusReply(index: SearchIndex, info: { version: string; startedAt: Date; reloadedAt: Date; shardIds: readonly number[]; guilds: number; pingMs: number }): ReplyPayload {
  const s = summarize(index.kb);
  const lines = [
    `Version ${info.version}, data version ${index.kb.version}.`,
    `Knowledge base: ${s.deals} deals, ${s.facts} facts, ${s.sources} sources, ${s.entities} entities, ${s.disputed} disputed figures.`,
    `Up since ${info.startedAt.toISOString()}; last reload ${info.reloadedAt.toISOString()}.`,
    `Shards here: ${info.shardIds.join(", ") || "0"}; servers: ${info.guilds}; gateway ping ${info.pingMs} ms.`,
    `Memory: ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB heap.`,
  ];
  return { embeds: [{ title: "DealDesk status", description: lines.join("\n"), color: 0x2b6cb0, fields: [], footer: { text: "DealDesk admin" } }], flags: MessageFlags.Ephemeral };
}

export function aboutReply(index: SearchIndex, version: string, reloadedAt: Date): ReplyPayload {
  const s = summarize(index.kb);
  const description = [
    "DealDesk answers questions about AI and cloud infrastructure deals. Every figure is cited to its source.",
    `Data: ${s.deals} deals, ${s.facts} facts from ${s.sources} sources (${s.disputed} disputed figures are shown with both sides).`,
    `Last reload: <t:${Math.floor(reloadedAt.getTime() / 1000)}:f>. Version ${version}, data version ${index.kb.version}.`,
  ].join("\n");
  return { embeds: [{ title: "About DealDesk", description, color: 0x2b6cb0, fields: [], footer: { text: footerFor(index) } }] };
}

export function helpReply(): ReplyPayload {
  const description = [
    "I answer questions about AI and cloud infrastructure deals. Every figure comes with its source, and I say so when I don't know.",
    "",
    "**Ask** with `/ask`, in a direct message, or by mentioning me. For example:",
    ...EXAMPLE_QUESTIONS.map((q) => `• ${q}`),
    "Follow-ups work in DMs: “and AMD?”, “what about the chips?”",
    "",
    "**Commands**: `/deal` a deal card · `/company` a company's deals · `/compare` two deals · `/sources` where a deal's figures come from · `/about` the data set",
  ].join("\n");
  return { embeds: [{ title: "DealDesk help", description, color: 0x2b6cb0, fields: [], footer: { text: "Figures are cited to their sources" } }] };
}
