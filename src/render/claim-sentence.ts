import { formatFact } from "../engine/format.js";
import { isUnvetted } from "../engine/kb-view.js";
import { formatPrecisionDate } from "../kb/precision-date.js";
import type { Fact, KnowledgeBase } from "../kb/types.js";
import { METRIC_INFO } from "../kb/vocabulary.js";

/**
 * The sentence the bot would say for one fact, for review beside its quote (data/claims.txt):
 * "The OpenAI–AWS cloud capacity agreement: value of the deal, $38 billion (reported)".
 * It names the metric by its plain-English label (never its id), keeps the qualifier, says whose
 * figure it is, and says what kind of figure it is: reported (or reported, not vetted, for a deal only tier-C
 * pages carry), an estimate by whom, or another scope.
 */
export function claimSentence(fact: Fact, kb: KnowledgeBase): string {
  const deal = kb.deals.get(fact.dealId);
  const title = deal?.title ?? fact.dealId;
  const head = /^the\s/i.test(title) ? title.replace(/^t/, "T") : `The ${title}`;

  const subject = name(kb, fact.subject);
  // Whose figure it is, as the bot says it: "Microsoft’s investment", "Nvidia’s stake".
  let what = subject ? `${subject}${subject.endsWith("s") ? "’" : "’s"} ${METRIC_INFO[fact.metric].label}` : METRIC_INFO[fact.metric].label;
  if (fact.label) what += ` (${fact.label})`;
  const speaker = name(kb, fact.speaker);
  if (speaker) what += `, said by ${speaker}`;

  const notes = [basisPhrase(fact, deal !== undefined && isUnvetted(deal))];
  if (fact.supersededBy !== undefined) notes.push(`superseded by ${fact.supersededByDeal ?? fact.supersededBy}`);
  if (fact.dispute !== undefined) notes.push(`disputed (${fact.dispute})`);
  return `${head}: ${what}, ${figure(fact)} (${notes.join("; ")})`;
}

function figure(fact: Fact): string {
  if (fact.unit === "date") {
    const date = fact.date ? formatPrecisionDate(fact.date) : undefined;
    return fact.text !== undefined && date !== undefined && !fact.text.includes(String(fact.date?.year)) ? `${fact.text} (${date})` : fact.text ?? date ?? "";
  }
  if (fact.metric === "statement" || fact.unit === "text") return `“${fact.text ?? ""}”`;
  return formatFact(fact);
}

/** What kind of figure: reported (and, for a deal only tier-C pages carry, "not vetted", as the bot says), an estimate, another scope. */
function basisPhrase(fact: Fact, unvetted: boolean): string {
  switch (fact.basis) {
    case "estimate":
      return `an estimate by ${fact.estimatedBy ?? "an unnamed party"}`;
    case "other-scope":
      return `at another scope: ${fact.scope ?? "not the deal itself"}`;
    default:
      return unvetted ? "reported, not vetted" : "reported";
  }
}

function name(kb: KnowledgeBase, id: string | undefined): string | undefined {
  return id === undefined ? undefined : kb.entities.get(id)?.name ?? id;
}
