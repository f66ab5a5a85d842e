import type { KnowledgeBase } from "./types.js";

export interface KbSummary {
  deals: number;
  facts: number;
  sources: number;
  entities: number;
  disputed: number;
}

export function summarize(kb: KnowledgeBase): KbSummary {
  return {
    deals: kb.deals.size,
    facts: kb.facts.size,
    sources: kb.sources.size,
    entities: kb.entities.size,
    disputed: kb.disputes.size,
  };
}
