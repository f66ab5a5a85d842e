import type { Deal, Fact, KnowledgeBase } from "../../kb/types.js";
import type { Part, ReplyBuilder } from "../answer-model.js";
import { basisNote, factLabel, metricLabel } from "../kb-view.js";

/**
 * Grammar for the words around figures: deal titles as subjects (singular or plural),
 * possessives, party lists, and one sentence per kind of figure. Every figure is a cited part.
 */

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "the OpenAI–AWS cloud capacity agreement", never "the The ...". */
export function theDeal(deal: Pick<Deal, "title">): string {
  return /^the\s/i.test(deal.title) ? deal.title : `the ${deal.title}`;
}

/** "talks", "bonds", "loans" take a plural verb. */
export function isPlural(deal: Pick<Deal, "title">): boolean {
  return /(?:talks|deals|agreements|contracts|bonds|loans|notes|facilities|investments|pledges|leases|PPAs|plans|sales)$/i.test(deal.title.trim());
}

export const be = (deal: Pick<Deal, "title">): string => (isPlural(deal) ? "are" : "is");

/** "Microsoft’s", "Nvidia’s", "Vantage Data Centers’", "the U.S.’s" without a doubled dot. */
export function possessive(name: string): string {
  const clean = name.replace(/\.$/, "");
  return /s$/.test(clean) ? `${clean}’` : `${clean}’s`;
}

export function entityName(kb: KnowledgeBase, id: string | undefined): string {
  return (id !== undefined ? kb.entities.get(id)?.name : undefined) ?? id ?? "";
}

/** "OpenAI (buyer) and AWS (provider)"; one entry per entity, roles joined: "Meta (developer and tenant)". */
export function partiesText(kb: KnowledgeBase, deal: Deal): string {
  const roles = new Map<string, string[]>();
  for (const p of deal.parties) {
    const list = roles.get(p.entity) ?? [];
    if (!list.includes(p.role)) list.push(p.role);
    roles.set(p.entity, list);
  }
  const items = [...roles].map(([id, rs]) => `${entityName(kb, id)} (${joinAnd(rs.filter((r) => r !== "subject"))})`.replace(" ()", ""));
  return joinAnd(items);
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * One sentence stating a fact, with the figure as a cited part. `asAnswer` marks the figure as
 * the answer to the question.
 */
export function factSentence(b: ReplyBuilder, kb: KnowledgeBase, fact: Fact, deal: Deal, asAnswer: boolean): Part[] {
  const fig = asAnswer ? b.answer(b.figure([fact])) : b.figure([fact]);
  const d = theDeal(deal);
  const D = capitalize(d);
  const subject = fact.subject !== undefined ? entityName(kb, fact.subject) : "";
  const label = factLabel(fact);
  const basis = basisNote(fact);
  const tail: Part[] = basis ? [` (${basis})`] : [];
  // The label may already name the subject, in full or by its first word ("Brookfield's planned investment").
  // Or says whose it is already ("the government's stake", "its share").
  const named = subject !== "" && label !== undefined && (label.toLowerCase().includes((subject.split(" ")[0] ?? subject).toLowerCase()) || /^(?:the [\p{L}-]+['’]s|its|their)\s/iu.test(label));
  // "Amazon's initial instalment", not "Amazon's the initial instalment".
  if (label) return [`${capitalize(subject && !named ? `${possessive(subject)} ${label.replace(/^the\s+/i, "")}` : label)} (${deal.title}): `, ...fig, ...tail, "."];
  if (subject) {
    switch (fact.metric) {
      case "valuation":
        return [`${subject} was valued at `, ...fig, ...tail, ` (${deal.title}).`];
      case "market-value":
        return [`${possessive(subject)} market value: `, ...fig, ...tail, ` (${deal.title}).`];
      case "stake":
        return [`${possessive(subject)} stake: `, ...fig, ...tail, ` (${deal.title}).`];
      case "statement":
        return [`${entityName(kb, fact.speaker) || subject} said: “`, ...fig, "”."];
      default:
        return [`${possessive(subject)} ${metricLabel(fact.metric)}: `, ...fig, ...tail, ` (${deal.title}).`];
    }
  }
  switch (fact.metric) {
    case "deal-value":
      return fact.unit === "text" ? [`${D}: `, ...fig, "."] : [`${D} ${be(deal)} worth `, ...fig, ...tail, "."];
    case "annual-value":
      return [`${D} ${be(deal)} worth `, ...fig, " a year", ...tail, "."];
    case "monthly-value":
      return [`${D} ${be(deal)} worth `, ...fig, " a month", ...tail, "."];
    case "capacity":
      return [`${D} ${isPlural(deal) ? "cover" : "covers"} `, ...fig, ...tail, "."];
    case "chip-count":
    case "server-count":
      return [`${D} ${isPlural(deal) ? "involve" : "involves"} `, ...fig, ...tail, "."];
    case "duration":
      return [`${D} ${isPlural(deal) ? "run" : "runs"} for `, ...fig, ...tail, "."];
    case "statement":
      return [`${entityName(kb, fact.speaker) || "The source"} said: “`, ...fig, "”."];
    case "term":
      return [`${D}: `, ...fig, "."];
    default:
      return [`${capitalize(metricLabel(fact.metric))} (${deal.title}): `, ...fig, ...tail, "."];
  }
}
