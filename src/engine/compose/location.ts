import type { Deal, Fact } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import type { SearchIndex } from "../search-index.js";
import { capitalize, theDeal } from "./sentences.js";

/**
 * "Where is it?": the places a deal's title and summary name (capitalised words that are not
 * company names), confirmed by a cited quote that mentions them. Nothing is said that no quote shows.
 */
export function composeLocation(b: ReplyBuilder, index: SearchIndex, deal: Deal): boolean {
  const places = placeWords(index, `${deal.title} ${deal.summary}`);
  if (places.length === 0) return false;
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
  let best: { f: Fact; hits: string[] } | undefined;
  for (const f of facts) {
    const hits = places.filter((p) => f.quote.includes(p));
    if (hits.length > 0 && (!best || hits.length > best.hits.length)) best = { f, hits };
  }
  if (!best) return false;
  const n = b.cite(best.f);
  const idx = b.figures.length;
  b.figures.push({ factId: null, dealId: deal.id, metric: "term", value: null, unit: "text", qualifier: "none", display: best.hits.join(", "), sources: [n] });
  b.primary.push(idx);
  b.line(`${capitalize(theDeal(deal))}: the cited report places it in `, { figure: idx }, { cite: [n] }, ".");
  b.line(`From the deal record: ${deal.summary}`);
  return true;
}

function placeWords(index: SearchIndex, text: string): string[] {
  const out: string[] = [];
  // Runs of capitalised words ("River Bend", "Saline Township", "El Paso"), not months, weekdays or names.
  for (const m of text.matchAll(/\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]+)*|\b(?:UAE|UK|US)\b/gu)) {
    const w = m[0];
    if (index.matcher.recognise(w).length > 0 || NOT_PLACES.test(w)) continue;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

const NOT_PLACES = /^(?:The|A|An|Stargate|Project|AI|Data|Center|Campus|Cloud|Joint|Venture|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Series|Phase|Unit|Group|Capital|Partners)(?:\s|$)/;
