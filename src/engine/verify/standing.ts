import type { Deal, Fact } from "../../kb/types.js";
import type { StructuredQuery } from "../read/query.js";
import { isPossible } from "../retrieve/score-facts.js";
import type { SearchIndex } from "../search-index.js";
import { figureMatches } from "./premise.js";
import type { Failure } from "./verify.js";

/**
 * What a question says of a deal's standing or of a figure's firmness, checked against the deal:
 * "the signed meta x oracle contract" of talks that were only reported, "a firm 27b" of a ceiling.
 */

/** Deals that are not (yet) a signed agreement. */
const NOT_SIGNED: ReadonlySet<string> = new Set(["in-talks", "reported", "letter-of-intent"]);
/** Words that describe the deal as signed: "the signed contract", "they inked", "it's finalized". */
const SIGNED = /\b(?:the signed|signed (?:the|a|an|their|its)|(?:was|were|been|got|is|are) signed|inked|finali[sz]ed|binding|done deal)\b/;
/** Words that claim a figure is firm: "a firm 27b", "locked in", "guaranteed", "committed to". */
const FIRM = /\b(?:firm|locked in|lock(?:s|ed)? in|guaranteed|definite|set in stone|committed)\b/;

export function standingFailures(index: SearchIndex, q: StructuredQuery, deal: Deal): Failure[] {
  const out: Failure[] = [];
  if (q.kind !== "status" && NOT_SIGNED.has(deal.status as string) && SIGNED.test(q.lower)) out.push({ kind: "standing" });
  // A stated figure the deal reports only as a ceiling, claimed to be firm.
  if (FIRM.test(q.lower)) {
    for (const stated of q.premise.figures) {
      const held = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.unit === stated.unit && f.supersededBy === undefined && figureMatches(stated.value, f));
      if (held.length > 0 && held.every((f) => isPossible(f) || f.qualifier === "up to" || f.qualifier === "as much as")) out.push({ kind: "ceiling", fact: held[0]!.id });
    }
  }
  return out;
}
