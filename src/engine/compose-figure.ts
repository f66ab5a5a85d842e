import type { Deal, Fact } from "../kb/types.js";
import type { Metric } from "../kb/vocabulary.js";
import type { ReplyBuilder, Part } from "./answer-model.js";
import { capitalize, figureFrame, partiesLine, STATUS_WORDS, theDeal } from "./phrases.js";
import { factsOf, headlineFacts, readFacts, type Reading } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

const MAX_OTHERS = 3;

/** One metric of one deal, with disputes, superseded figures and revisions spelled out. */
export function composeDealMetric(b: ReplyBuilder, index: SearchIndex, deal: Deal, metric: Metric, yesNo: boolean, preferred?: string, askedGroups: readonly string[] = []): boolean {
  const reading = readFacts(factsOf(index, deal.id, metric), preferred);
  if (!reading) return false;
  const first = reading.primary[0]!;
  const [before, after] = figureFrame(metric, deal, first, index.kb);
  const lead = yesNo && metric === "expansion" ? "Yes. " : "";

  if (reading.rivals.length > 0) {
    const all = [reading.primary, ...reading.rivals];
    const parts: Part[] = [`Sources differ on this figure for ${theDeal(deal)}: `];
    all.forEach((g, i) => parts.push(...(i > 0 ? [" vs "] : []), ...b.figure(g)));
    b.line(...parts, ".");
  } else {
    const [figure, cite] = b.figure(reading.primary);
    const extra = metric === "deal-value" ? durationClause(b, index, deal) : [];
    b.line(lead, before, figure!, after, cite!, ...extra, ".");
  }
  if (reading.earlier.length > 0) {
    b.line("It replaced an earlier figure of ", b.figure(reading.earlier), ".");
  }
  replacedElsewhere(b, index, [reading.primary, ...reading.others].flat());
  replacedEarlier(b, index, reading.primary);
  // Other parties' figures (SoftBank's share of a round) are noise when one party's was asked for.
  const keep = (s: string | undefined) => s === undefined || s === first.subject || askedGroups.includes(index.matcher.groupOf(s));
  const others = reading.others.filter((g) => first.subject === undefined || keep(g[0]!.subject)).slice(0, MAX_OTHERS);
  if (others.length > 0) {
    const parts: Part[] = ["Also reported: "];
    others.forEach((g, i) => parts.push(...(i > 0 ? ["; "] : []), subjectLabel(index, g[0]!, first), ...b.figure(g)));
    b.line(...parts, ".");
  }
  flagTierC(b, index, reading);
  return true;
}

/** "Nvidia: " before a figure whose subject differs from the main one (two investors in one round). */
function subjectLabel(index: SearchIndex, fact: Fact, main: Fact): string {
  if (fact.subject === undefined || fact.subject === main.subject) return "";
  return `${index.kb.entities.get(fact.subject)?.name ?? fact.subject}: `;
}

/** A figure replaced by a fact of a later deal: give the current one too. */
function replacedElsewhere(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[]): void {
  const newer = facts.map((f) => (f.supersededBy ? index.kb.facts.get(f.supersededBy) : undefined)).find((f) => f !== undefined);
  if (!newer || facts.some((f) => f.id === newer.id)) return;
  const later = index.kb.deals.get(newer.dealId);
  b.line("That figure was later superseded: the current figure is ", b.figure([newer]), later ? ` (${later.title})` : "", ".");
}

/** The current figure replaced one from an earlier deal: say what it was. */
function replacedEarlier(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[]): void {
  const old = facts.map((f) => (f.supersedes ? index.kb.facts.get(f.supersedes) : undefined)).find((f) => f !== undefined);
  if (!old || old.dealId === facts[0]?.dealId) return;
  const earlier = index.kb.deals.get(old.dealId);
  b.line("It superseded the earlier figure of ", b.figure([old]), earlier ? ` (${earlier.title})` : "", ".");
}

function durationClause(b: ReplyBuilder, index: SearchIndex, deal: Deal): Part[] {
  const d = readFacts(factsOf(index, deal.id, "duration"));
  return d && d.rivals.length === 0 ? [", over ", ...b.figure(d.primary)] : [];
}

function flagTierC(b: ReplyBuilder, index: SearchIndex, reading: Reading): void {
  const facts = [reading.primary, ...reading.rivals].flat();
  const tiers = facts.map((f) => index.kb.sources.get(f.source)?.tier);
  if (tiers.length > 0 && tiers.every((t) => t === "C")) {
    b.line("(Only lower-reliability, tier C sources carry this figure.)");
  }
}

const STATUS_SENTENCES: Record<string, string> = {
  announced: "has been announced",
  "letter-of-intent": "is a non-binding letter of intent",
  "in-talks": "is still in talks and not signed",
  signed: "has been signed",
  "under-way": "is under way",
  completed: "has been completed",
  revised: "has been signed and later revised",
  cancelled: "has been cancelled",
};

/** "Is it binding?": the deal's status as the data records it, with what revised it. */
export function composeStatus(b: ReplyBuilder, deal: Deal): void {
  b.line(`${capitalize(theDeal(deal))} ${STATUS_SENTENCES[deal.status] ?? `is ${deal.status.replace(/-/g, " ")}`}.`);
}

/** Notes on a deal's standing: a letter of intent, talks, a later revision. */
export function composeStanding(b: ReplyBuilder, index: SearchIndex, deal: Deal, metric: Metric | undefined, withStatus = true): void {
  const status = STATUS_WORDS[deal.status];
  if (withStatus && status && deal.status !== "revised") b.line(`Status: ${status}.`);
  for (const laterId of deal.revisedBy) {
    const later = index.kb.deals.get(laterId);
    if (!later) continue;
    const metrics: Metric[] = metric ? [metric, "expansion-value"] : ["expansion-value"];
    const facts = headlineFacts(index, later.id, metrics);
    const shown = facts.length > 0 ? facts : headlineFacts(index, later.id);
    const figure: Part[] = shown.length > 0 ? [": ", ...b.figure(readFacts(shown)!.primary)] : [];
    b.line(`It was later revised by ${theDeal(later)}`, ...figure, ".");
  }
  for (const earlierId of [...deal.revises, ...deal.supersedes]) {
    const earlier = index.kb.deals.get(earlierId);
    if (earlier) b.line(`This revises ${theDeal(earlier)}.`);
  }
}

const OVERVIEW_METRICS: readonly Metric[] = ["capacity", "chip-count", "duration", "start-date", "completion-date"];

/** A deal named without a metric: what it is, who is in it, and its headline figures. */
export function composeOverview(b: ReplyBuilder, index: SearchIndex, deal: Deal): void {
  b.line(`${capitalize(theDeal(deal))} (${deal.type.replace(/-/g, " ")}): ${partiesLine(deal, index.kb)}.`);
  const headline = headlineFacts(index, deal.id, undefined);
  const reading = readFacts(headline);
  if (reading) {
    const [before, after] = figureFrame(reading.primary[0]!.metric, deal, reading.primary[0]!, index.kb);
    b.line(before, b.figure(reading.primary), after, ".");
  }
  for (const metric of OVERVIEW_METRICS) {
    if (reading && reading.primary[0]!.metric === metric) continue;
    const r = readFacts(factsOf(index, deal.id, metric));
    if (!r) continue;
    const [before, after] = figureFrame(metric, deal, r.primary[0]!, index.kb);
    b.line(before, b.figure(r.primary), after, ".");
  }
  composeStanding(b, index, deal, undefined);
}

/** Company-level figures (valuation, market value, stake...) across every deal that reports them. */
export function composeSubjectFacts(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[], metric: Metric): void {
  const byDeal = new Map<string, Fact[]>();
  for (const f of facts) byDeal.set(f.dealId, [...(byDeal.get(f.dealId) ?? []), f]);
  const ordered = [...byDeal.entries()].sort((a, b2) => (b2[1][0]?.asOf.sortKey ?? 0) - (a[1][0]?.asOf.sortKey ?? 0));
  for (const [dealId, dealFacts] of ordered.slice(0, 4)) {
    const deal = index.kb.deals.get(dealId);
    const reading = readFacts(dealFacts);
    if (!deal || !reading) continue;
    const [before, after] = figureFrame(metric, deal, reading.primary[0]!, index.kb);
    const asOf = reading.primary[0]!.asOf;
    b.line(before, b.figure(reading.primary), after, ` (as of ${asOf.iso.slice(0, 7)})`, ".");
    for (const g of reading.rivals) b.line("Another source reports ", b.figure(g), ".");
    for (const g of reading.others.slice(0, 2)) b.line("Also reported: ", b.figure(g), ".");
  }
}
