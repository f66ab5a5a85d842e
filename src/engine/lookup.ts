import type { Deal, Entity } from "../kb/types.js";
import type { SearchIndex } from "./search-index.js";
import { normalize } from "./text.js";

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Discord's limits for autocomplete: 25 choices, names and values of at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

const clip = (s: string) => (s.length <= MAX_CHOICE_LENGTH ? s : `${s.slice(0, MAX_CHOICE_LENGTH - 1)}…`);

/** Deals ranked for a partial name: title words, party names and aliases, with typos. */
export function dealChoices(index: SearchIndex, partial: string): Choice[] {
  const q = partial.trim().slice(0, 100);
  const deals: Deal[] = q
    ? rankedDeals(index, q)
    : index.dealsByHeadline.slice(0, MAX_CHOICES).map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  return deals.slice(0, MAX_CHOICES).map((d) => ({ name: clip(d.title), value: d.id }));
}

function rankedDeals(index: SearchIndex, q: string): Deal[] {
  const hits = index.dealSearch.search(q, { prefix: true, fuzzy: 0.2, combineWith: "AND" });
  const loose = hits.length > 0 ? hits : index.dealSearch.search(q, { prefix: true, fuzzy: 0.25 });
  return loose.map((h) => index.kb.deals.get(String(h.id))).filter((d): d is Deal => d !== undefined);
}

/** Companies ranked for a partial name or alias. */
export function companyChoices(index: SearchIndex, partial: string): Choice[] {
  const q = normalize(partial.trim()).slice(0, 100);
  const companies = [...index.kb.entities.values()].filter((e) => e.kind !== "person" && index.dealsByGroup.has(index.matcher.groupOf(e.id)));
  const scored = companies
    .map((e) => ({ e, score: q ? nameScore(e, q) : 1 }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.e.name.localeCompare(b.e.name));
  if (scored.length === 0 && q) {
    return index.matcher.recognise(partial).map((m) => index.kb.entities.get(m.entityId)).filter((e): e is Entity => e !== undefined).slice(0, MAX_CHOICES).map((e) => ({ name: clip(e.name), value: e.id }));
  }
  return scored.slice(0, MAX_CHOICES).map(({ e }) => ({ name: clip(e.name), value: e.id }));
}

function nameScore(e: Entity, q: string): number {
  let best = 0;
  for (const n of [e.name, ...e.aliases].map(normalize)) {
    if (n === q) best = Math.max(best, 3);
    else if (n.startsWith(q)) best = Math.max(best, 2);
    else if (n.includes(q)) best = Math.max(best, 1);
  }
  return best;
}

/** Resolve what a user typed or picked: an exact id, else the best match. */
export function findDeal(index: SearchIndex, input: string): Deal | undefined {
  const exact = index.kb.deals.get(input.trim());
  if (exact) return exact;
  const id = dealChoices(index, input)[0]?.value;
  return id === undefined || !input.trim() ? undefined : index.kb.deals.get(id);
}

export function findCompany(index: SearchIndex, input: string): Entity | undefined {
  const exact = index.kb.entities.get(input.trim());
  if (exact) return exact;
  const mention = index.matcher.recognise(input)[0];
  if (mention) return index.kb.entities.get(mention.entityId);
  const id = companyChoices(index, input)[0]?.value;
  return id === undefined || !input.trim() ? undefined : index.kb.entities.get(id);
}
