import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Answer } from "../engine/answer-model.js";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../engine/answer.js";
import { companyCard, dealCard, sourcesCard } from "../engine/cards.js";
import type { LiveIndex } from "../engine/live-index.js";
import { findCompany, findDeal } from "../engine/lookup.js";
import { formatLoadError } from "../kb/types.js";
import { renderPlain } from "../render/plain.js";
import { summarize } from "../kb/summary.js";

export const CONSOLE_HELP = `Ask a question in plain English, or use:
  /deal <name>      a deal card with every figure, cited
  /company <name>   every deal of a company
  /sources <deal>   the sources behind a deal
  /reload [confirm] reload the data directory (confirm applies a reload held for dropping many facts)
  /help             this help
  /quit             leave (Ctrl-D works too)`;

export interface ConsoleIo {
  readonly input: Readable;
  readonly output: Writable;
  /** A terminal gets a prompt; piped input is answered line by line until it ends. */
  readonly interactive: boolean;
}

export function banner(live: LiveIndex): string {
  const s = summarize(live.get().kb);
  return `DealDesk offline console: no DISCORD_TOKEN set, answering from ${s.deals} deals and ${s.facts} facts. Set DISCORD_TOKEN in .env to connect to Discord; type /help for commands.`;
}

/** The interactive console: the same engine as the bot, with conversation context. */
export async function runConsole(live: LiveIndex, io: ConsoleIo): Promise<void> {
  const say = (text: string) => io.output.write(`${text}\n`);
  say(banner(live));
  const rl = createInterface({ input: io.input, output: io.interactive ? io.output : undefined, terminal: io.interactive, crlfDelay: Infinity });
  let context: ConversationContext = EMPTY_CONTEXT;
  const prompt = () => io.interactive && rl.prompt();
  rl.setPrompt("dealdesk> ");
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line.startsWith("/")) say(await command(live, line));
    else if (line) {
      const turn = answerQuestion(live.get(), line, context);
      context = turn.context;
      say(renderPlain(turn.answer));
    }
    if (line) say("");
    prompt();
  }
  rl.close();
}

async function command(live: LiveIndex, line: string): Promise<string> {
  const [name = "", ...rest] = line.split(/\s+/);
  const arg = rest.join(" ");
  const index = live.get();
  const card = (answer: Answer | undefined, what: string) => (answer ? renderPlain(answer) : `I don't know a ${what} called “${arg}”. Try /help.`);
  switch (name.toLowerCase()) {
    case "/help":
      return CONSOLE_HELP;
    case "/deal": {
      const deal = arg ? findDeal(index, arg) : undefined;
      return arg ? card(deal && dealCard(index, deal), "deal") : "Usage: /deal <name>, for example /deal openai aws";
    }
    case "/company": {
      const company = arg ? findCompany(index, arg) : undefined;
      return arg ? card(company && companyCard(index, company), "company") : "Usage: /company <name>, for example /company Anthropic";
    }
    case "/sources": {
      const deal = arg ? findDeal(index, arg) : undefined;
      return arg ? card(deal && sourcesCard(index, deal), "deal") : "Usage: /sources <deal>, for example /sources stargate";
    }
    case "/reload": {
      const report = await live.reload({ confirm: arg.trim().toLowerCase() === "confirm" });
      if (!report.ok && report.held) return `Reload held, not applied (/reload confirm applies it); still answering from the previous data.\n${report.errors.map((e) => `  ${formatLoadError(e)}`).join("\n")}`;
      if (!report.ok) return `Reload failed; still answering from the previous data.\n${report.errors.map((e) => `  ${formatLoadError(e)}`).join("\n")}`;
      return `Reloaded: deals ${report.before.deals} → ${report.after.deals}, facts ${report.before.facts} → ${report.after.facts} (${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed).`;
    }
    default:
      return `Unknown command ${name}. Try /help.`;
  }
}
