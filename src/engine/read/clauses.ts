import { COMPILED_QUANTITIES, type Forms } from "./cues.js";
import { baseForms } from "./lemmas.js";
import type { Quantity } from "./lexicon.js";
import type { AlsoAsked } from "./query.js";
import { allQuantities, readQuantity, WHEN } from "./quantity.js";

/**
 * Multi-part questions ("how much n how long", "how big, and who's the partner"): the parts, which
 * part leads, and what each later part asks.
 */

/** The parts of a multi-part question: "when was it signed, and how much did they spend". */
export function clausesOf(lower: string): string[] {
  return lower.split(/,\s*(?:and\s+)?|\?+\s+|\s*[+;\/]\s*|\s+&\s*|\s*&\s+|\s+(?:and|plus|also|n|as well as|with|vs\.?|versus|compared (?:to|with))\s+|\s+(?=by when\b)|\s+(?=(?:at|over|for|in) (?:what|how|which) (?!of\b)\w+)/).filter((c) => c.trim() !== "");
}

/** A company's name is no cue: "did the zt systems deal close? when" asks no server count ("ztsystems"). */
function withoutNames(clause: string, names: readonly string[]): string {
  return names.reduce((t, n) => t.split(n).join(n.replace(/\s+/g, "")), clause);
}

const ASKS = /\b(?:how|what|whats|when|which|who|whos|where)\b|^\W*\$\W*$/;

/** The clauses with the first one that asks something (a question word) moved to the front. */
export function leadFirst(clauses: string[]): string[] {
  const at = clauses.findIndex((c) => ASKS.test(c));
  return at > 0 ? [clauses[at]!, ...clauses.slice(0, at), ...clauses.slice(at + 1)] : clauses;
}

/** One clause read on its own: the quantity it asks for, with its spec and word forms. */
export function clauseReading(raw: string, names: readonly string[] = []): { quantity: Quantity | null; spec: (typeof COMPILED_QUANTITIES)[number][1] | null; forms: Forms } {
  const clause = withoutNames(raw, names);
  const forms = clause.split(/[^\p{L}\d$%]+/u).filter(Boolean).map((w) => baseForms(w));
  const read = readQuantity(forms, clause, []);
  const bare = read.quantity === null ? bareQuantity(clause) : null;
  return bare !== null ? { quantity: bare, spec: COMPILED_QUANTITIES.find(([x]) => x === bare)![1], forms } : { ...read, forms };
}

/** A part that names no quantity but asks one all the same: "how much" or "$" for money, "%" for a stake. */
function bareQuantity(clause: string): Quantity | null {
  if (/^\W*(?:how much|\$)\W*$|\bhow much\s*\??$|^\W*\$\W*|\bworth\b/.test(clause.trim())) return "value";
  if (/^\W*%\W*$/.test(clause.trim())) return "stake";
  // "value, term, MW?": a bare "term" or "length" asks how long the deal runs.
  if (/^\W*(?:the\s+)?(?:term|length|tenor)\W*$/.test(clause.trim())) return "duration";
  return null;
}

const PARTIES_ASKED = /^(?:who|which (?:compan|firm|bank|investor|partner)\w*)\b|\bwho(?:'s| is| are|'re)? (?:the )?(?:\w+ )?(?:partners?|parties|tenants?|buyers?|sellers?|investors?|backers?|customers?|lenders?|developers?)\b|\bwho (?:else|cashed|sold|bought|backs|owns)\b/;

/** What a later clause asks: a date for "when...", else the first quantity named, else who the parties are. */
export function clauseAsks(raw: string, names: readonly string[] = []): AlsoAsked | null {
  const clause = withoutNames(raw, names);
  const forms = clause.split(/[^\p{L}\d$%]+/u).filter(Boolean).map((w) => baseForms(w));
  if (WHEN.test(clause)) return readQuantity(forms, clause, []).quantity;
  // "at what price a share": the quantity named outright (a price per share) over a loose one ("price").
  const found = allQuantities(forms, clause);
  // "how many mw", "how many gpus": the thing counted names the quantity, not "how many" itself.
  const loose = found[0] === "value" || found[0] === "money" || found[0] === "size" || found[0] === "count";
  const precise = loose ? found.find((x) => x !== "statement" && x !== "count" && COMPILED_QUANTITIES.find(([q]) => q === x)?.[1].precise === true) : undefined;
  return precise ?? found[0] ?? bareQuantity(clause) ?? (PARTIES_ASKED.test(clause.trim()) ? "parties" : null);
}
