import type { Deal, Fact } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import type { SearchIndex } from "../search-index.js";
import { placesIn } from "./places.js";
import { capitalize, theDeal } from "./sentences.js";

/**
 * "Where is it?": the places a deal's title and summary name (capitalised words that are not
 * company names), confirmed by a cited quote that mentions them. Nothing is said that no quote shows.
 */
export function composeLocation(b: ReplyBuilder, index: SearchIndex, deal: Deal): boolean {
  const labels = deal.factIds.map((id) => index.kb.facts.get(id)?.label ?? "").join(". ");
  const places = placeWords(index, `${deal.title}. ${deal.summary}. ${labels}`);
  if (places.length === 0) return false;
  const best = bestEvidence(index, deal, places);
  if (!best) return false;
  const n = b.citeText(best.source, best.text);
  const idx = b.figures.length;
  b.figures.push({ factId: null, dealId: deal.id, metric: "term", value: null, unit: "text", qualifier: "none", display: best.hits.join(", "), sources: [n] });
  b.primary.push(idx);
  b.line(`${capitalize(theDeal(deal))}: the cited report places it in `, { figure: idx }, { cite: [n] }, ".");
  b.line(`From the deal record: ${deal.summary}`);
  return true;
}

/**
 * The page words that name the most places: a fact's quote first, else an excerpt or the headline
 * of a page the deal cites. Each is verbatim page text, so the place can be checked against it.
 */
function bestEvidence(index: SearchIndex, deal: Deal, places: readonly string[]): { source: string; text: string; hits: string[] } | undefined {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
  const texts: Array<{ source: string; text: string }> = facts.map((f) => ({ source: f.source, text: f.quote }));
  for (const id of new Set(facts.map((f) => f.source))) {
    const s = index.kb.sources.get(id) as { excerpts?: readonly string[]; title?: string } | undefined;
    for (const e of s?.excerpts ?? []) texts.push({ source: id, text: e });
    if (s?.title) texts.push({ source: id, text: s.title });
  }
  let best: { source: string; text: string; hits: string[] } | undefined;
  for (const t of texts) {
    const hits = places.filter((p) => t.text.includes(p));
    if (hits.length > 0 && (!best || hits.length > best.hits.length)) best = { ...t, hits };
  }
  return best;
}

function placeWords(index: SearchIndex, text: string): string[] {
  return placesIn(text, (w) => index.matcher.recognise(w).length > 0);
}
