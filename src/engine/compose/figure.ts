import type { Deal, Fact } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import { isoOf, isUnvetted, onDay, STATUS_PHRASES, statusNote, supersededByDeal } from "../kb-view.js";
import type { SearchIndex } from "../search-index.js";
import { formatDate } from "../format.js";
import { be, capitalize, factSentence, partiesText, theDeal } from "./sentences.js";

/**
 * The answer to a figure question: the verified fact, its rival reports (a dispute group), what
 * replaced it, and the deal's standing when that bears on the figure.
 */
export function composeFigure(b: ReplyBuilder, index: SearchIndex, fact: Fact, deal: Deal): void {
  b.line(...factSentence(b, index.kb, fact, deal, true));
  const rivals = rivalsOf(index, fact);
  if (rivals.length > 0) {
    b.line("Sources differ: ", ...rivals.flatMap((r, i) => [i > 0 ? "; " : "", ...b.answer(b.figure([r])), ...sourceName(index, r)]), ".");
  }
  composeStanding(b, index, deal, fact);
}

/** A money figure with no number ("multibillion-dollar", "tens of billions"): a description, not a value. */
export function isVagueMoney(fact: Fact): boolean {
  if (fact.value !== undefined || fact.range !== undefined) return false;
  return ["USD", "GBP", "EUR", "AUD"].includes(fact.unit) || (fact.unit === "text" && VALUE_METRICS.has(fact.metric));
}

const VALUE_METRICS: ReadonlySet<string> = new Set(["deal-value", "annual-value", "monthly-value", "expansion-value", "investment", "funding-round", "spending", "capex-pledge", "debt"]);

/** "How much is the Microsoft–Lambda deal worth?" when the sources only describe it: no figure is given as the value. */
export function composeVague(b: ReplyBuilder, index: SearchIndex, fact: Fact, deal: Deal): void {
  b.line(`My sources give no exact value for ${theDeal(deal)}: they describe it as `, ...b.figure([fact]), ".");
  composeStanding(b, index, deal, fact);
}

/** Facts of the same dispute group, other than this one. */
export function rivalsOf(index: SearchIndex, fact: Fact): Fact[] {
  if (fact.dispute === undefined) return [];
  return (index.kb.disputes.get(fact.dispute) ?? []).filter((id) => id !== fact.id).map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
}

function sourceName(index: SearchIndex, fact: Fact): string[] {
  const s = index.kb.sources.get(fact.source);
  return s ? [` (${s.publisher})`] : [];
}

/**
 * Notes that change how a figure should be read: the deal was scrapped or replaced, it is only
 * reported, it rests on tier-C pages only, or a later fact superseded this one.
 */
export function composeStanding(b: ReplyBuilder, index: SearchIndex, deal: Deal, fact: Fact | undefined): void {
  const kb = index.kb;
  if (fact?.supersededBy !== undefined) {
    const later = kb.facts.get(fact.supersededBy);
    const laterDeal = later ? kb.deals.get(later.dealId) : undefined;
    if (later && laterDeal) b.line("This figure was later superseded: ", ...factSentence(b, kb, later, laterDeal, false));
  }
  const replaced = supersededByDeal(kb, deal);
  const note = statusNote(deal);
  if (["scrapped", "superseded", "cancelled", "rejected", "letter-of-intent", "in-talks", "reported", "pledge"].includes(deal.status as string)) {
    const phrase = STATUS_PHRASES[deal.status as string] ?? String(deal.status).replace(/-/g, " ");
    b.line(`${capitalize(theDeal(deal))} ${be(deal)} ${phrase}${aside(note, phrase)}.`);
    if (replaced && !fact?.supersededBy) b.line(`It was replaced by ${theDeal(replaced)}.`);
  }
  if (isUnvetted(deal)) b.line("Reported, not vetted: only tier-C pages (blogs and aggregators) carry this deal's figures.");
}

/** "Is it still on?": the deal's status, what replaced it, and its headline figure. */
/** `claimsDone`: the question asks whether the deal was signed or closed ("meta signed the oracle deal?"). */
export function composeStatus(b: ReplyBuilder, index: SearchIndex, deal: Deal, headline: Fact | undefined, yesNo = true, claimsDone = false): void {
  const kb = index.kb;
  const status = deal.status as string;
  const note = statusNote(deal);
  const ended = ["scrapped", "superseded", "cancelled", "rejected"].includes(status);
  // Talks, a letter of intent or a press report are not a signed deal.
  const notYet = claimsDone && ["in-talks", "letter-of-intent", "reported"].includes(status);
  const lead = !yesNo ? "" : ended || notYet ? "No. " : ["signed", "completed", "under-way", "agreed", "revised"].includes(status) ? "As far as my sources go, yes. " : "";
  const phrase = STATUS_PHRASES[status] ?? status.replace(/-/g, " ");
  b.line(`${lead}${capitalize(theDeal(deal))} ${be(deal)} ${phrase}${aside(note, phrase)}.`);
  const replaced = supersededByDeal(kb, deal);
  if (replaced) {
    // The figure that took this deal's place (Nvidia's $30 billion), else the replacing deal's headline.
    const successor = deal.factIds.map((id) => kb.facts.get(kb.facts.get(id)?.supersededBy ?? "")).find((f): f is Fact => f !== undefined && f.dealId === replaced.id);
    const head = successor ?? replaced.factIds.map((id) => kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.subject === undefined && f.unit !== "text");
    b.line(`It was replaced by ${theDeal(replaced)}`, ...(head ? [": ", ...factSentence(b, kb, head, replaced, false)] : ["."]));
  } else if (headline) b.line(...factSentence(b, kb, headline, deal, false));
  // "has it been expanded since": what revised it, with the revision's own headline figure.
  for (const id of deal.revisedBy.slice(0, 2)) {
    const later = kb.deals.get(id);
    if (!later) continue;
    const head = later.factIds.map((f) => kb.facts.get(f)).find((f): f is Fact => f !== undefined && f.metric === "expansion-value") ?? later.factIds.map((f) => kb.facts.get(f)).find((f): f is Fact => f !== undefined && f.subject === undefined && f.unit !== "text" && f.supersededBy === undefined);
    b.line(`It was later revised by ${theDeal(later)}`, ...(head ? [": ", ...factSentence(b, kb, head, later, false)] : ["."]));
  }
  if (isUnvetted(deal)) b.line("Reported, not vetted: only tier-C pages carry this deal.");
}

/** "When was it announced?": the announcement date from a dated fact, else the deal record with its earliest source. */
export function composeAnnounced(b: ReplyBuilder, index: SearchIndex, deal: Deal): void {
  const kb = index.kb;
  const facts = deal.factIds.map((id) => kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
  const dated = facts.find((f) => f.metric === "announcement-date");
  if (dated) {
    const shown = calendarText(dated);
    const figure = shown === undefined ? b.figure([dated]) : b.dated("announcement-date", shown, deal.id, dated);
    const words = shown ?? dated.text ?? (dated.date !== undefined ? formatDate(dated.date) : "");
    const on = /^(?:\d{1,2} |monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.test(words) ? "on " : /^(?:[A-Z][a-z]+ )?\d{4}$/.test(words) ? "in " : "";
    b.line(`${capitalize(theDeal(deal))} ${isPluralVerb(deal, "was", "were")} announced ${on}`, ...b.answer(figure), ".");
    return;
  }
  const announced = isoOf(deal.announced);
  // Cite a page dated the same day (or month) as the announcement when there is one.
  const sameDay = facts.find((f) => isoOf((kb.sources.get(f.source) as { published?: unknown } | undefined)?.published).startsWith(announced));
  const evidence = sameDay ?? facts[0];
  if (!evidence) return;
  const when = b.answer(b.dated("announcement-date", onDay(announced).replace(/^(?:on|in) /, ""), deal.id, evidence));
  const prep = onDay(announced).startsWith("on") ? "on " : "in ";
  b.line(`${capitalize(theDeal(deal))} ${isPluralVerb(deal, "was", "were")} announced ${prep}`, ...when, sameDay ? "." : " (the date of the deal record; the cited page does not state it).");
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A date as the page wrote it, shown on the calendar: "October 13, 2025" as "13 October 2025";
 * "Wednesday, December 24", which names no year, with the month and year it was reported in.
 */
function calendarText(fact: Fact): string | undefined {
  if (fact.date !== undefined) return formatDate(fact.date);
  if (fact.unit !== "text" || fact.text === undefined) return undefined;
  const text = fact.text;
  const m = /\b([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(text);
  const month = m ? MONTHS.findIndex((n) => n.startsWith(m[1]!.toLowerCase()) && m[1]!.length >= 3) : -1;
  if (m && month >= 0) return `${Number(m[2])} ${capitalize(MONTHS[month]!)} ${m[3]}`;
  if (/\b(?:19|20)\d\d\b/.test(text) || fact.asOf === undefined) return undefined;
  // No year on the page: the month and year the figure was reported in, beside the page's words.
  const { year, month: asOfMonth } = fact.asOf;
  return `${text} (${asOfMonth !== undefined ? `${capitalize(MONTHS[asOfMonth - 1]!)} ` : ""}${year})`;
}

function isPluralVerb(deal: Deal, one: string, many: string): string {
  return be(deal) === "are" ? many : one;
}

/** Who the parties are, with their roles. */
export function composeParties(b: ReplyBuilder, index: SearchIndex, deal: Deal): void {
  const evidence = deal.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined);
  b.line(`${capitalize(theDeal(deal))}: ${partiesText(index.kb, deal)}.`, ...(evidence ? [" ", { cite: [b.cite(evidence)] }] : []));
}

/** The status note in brackets, without the status phrase it may repeat: "(as of June 2026 not formally filed…)", not "(A non-binding letter of intent; as of…)". */
function aside(note: string | undefined, phrase: string): string {
  if (note === undefined) return "";
  const bare = phrase.replace(/^(?:a|an|the)\s+/i, "").toLowerCase();
  const m = /^(?:(?:a|an|the)\s+)?([^;:,.]+)[;:,.]\s*/i.exec(note);
  const rest = m && m[1]!.trim().toLowerCase() === bare ? note.slice(m[0].length) : note;
  return rest.trim() === "" ? "" : ` (${rest.trim().replace(/\.$/, "")})`;
}
