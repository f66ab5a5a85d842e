import type { Deal, Entity, Fact, KnowledgeBase } from "../kb/types.js";
import { METRICS, type Metric } from "../kb/vocabulary.js";

/** "The OpenAI–AWS cloud capacity agreement", never "The The ..." */
export function theDeal(deal: Pick<Deal, "title">): string {
  return /^the\s/i.test(deal.title) ? deal.title : `the ${deal.title}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function entityName(kb: KnowledgeBase, id: string | undefined): string {
  return (id !== undefined ? kb.entities.get(id)?.name : undefined) ?? id ?? "";
}

const possessive = (name: string) => (name.endsWith("s") ? `${name}’` : `${name}’s`);

/**
 * The words around a figure: [before, after]. Sentences stay short and put the figure early.
 */
export function figureFrame(metric: Metric, deal: Deal, fact: Fact, kb: KnowledgeBase): [string, string] {
  const d = theDeal(deal);
  const subject = entityName(kb, fact.subject);
  switch (metric) {
    case "deal-value":
      // "Financial terms were not disclosed" is a statement about the value, not a value.
      return fact.unit === "text" ? [`${capitalize(d)}: `, ""] : [`${capitalize(d)} is worth `, ""];
    case "annual-value":
      return [`${capitalize(d)} is worth `, " a year"];
    case "expansion-value":
      return [`${capitalize(d)} adds `, ""];
    case "investment":
      return subject ? [`${possessive(subject)} investment (${deal.title}): `, ""] : [`Investment under ${d}: `, ""];
    case "funding-round":
      return [`Funding round (${deal.title}): `, ""];
    case "valuation":
      return [`${subject || "Valuation"}${subject ? " was valued at " : ": "}`, ` (${deal.title})`];
    case "market-value":
      return [`${subject ? `${possessive(subject)} market value` : "Market value"}: `, ""];
    case "stake":
      return [`${subject ? `${possessive(subject)} stake` : "Stake"} (${deal.title}): `, ""];
    case "capacity":
      return [`${capitalize(d)} covers `, ""];
    case "chip-count":
      return [`${capitalize(d)} involves `, ""];
    case "duration":
      return [`${capitalize(d)} runs for `, ""];
    case "start-date":
      return [`Start of ${d}: `, ""];
    case "completion-date":
      return [`Completion of ${d}: `, ""];
    case "announcement-date":
      return [`${capitalize(d)} was announced `, ""];
    case "expansion":
      return [`Expansion of ${d}: `, ""];
    case "term":
      return [`${capitalize(d)}: `, ""];
    case "statement":
      return [`${entityName(kb, fact.speaker) || "The source"} said: “`, "”"];
    case "homes-equivalent":
      return [`Enough to power `, ` (${deal.title})`];
    case "build-rate":
      return [`Target pace: `, ` (${deal.title})`];
    case "cost-per-unit":
      return [`Cost per unit (${deal.title}): `, ""];
    default:
      return [`${capitalize(METRICS[metric])} (${deal.title}): `, ""];
  }
}

export function partiesLine(deal: Deal, kb: KnowledgeBase): string {
  return deal.parties.map((p) => `${entityName(kb, p.entity)} (${p.role})`).join(", ");
}

export function counterparties(deal: Deal, groups: ReadonlySet<string>, groupOf: (id: string) => string, kb: KnowledgeBase): Entity[] {
  const seen = new Set<string>(groups);
  const out: Entity[] = [];
  for (const p of deal.parties) {
    const g = groupOf(p.entity);
    const e = kb.entities.get(p.entity);
    if (seen.has(g) || !e || e.kind === "person") continue;
    seen.add(g);
    out.push(e);
  }
  return out;
}

export const STATUS_WORDS: Record<string, string> = {
  "letter-of-intent": "a non-binding letter of intent",
  "in-talks": "still in talks, not signed",
  cancelled: "cancelled",
  revised: "later revised",
};
