import type { KnowledgeBase } from "./types.js";

export interface KbSummary {
  deals: number;
  facts: number;
  sources: number;
  entities: number;
  disputed: number;
  /** Deal count per deal type, most common first. */
  dealsByType: Record<string, number>;
  /** Deal count per announcement year, oldest first. */
  dealsByYear: Record<string, number>;
}

export function summarize(kb: KnowledgeBase): KbSummary {
  const byType = new Map<string, number>();
  const byYear = new Map<string, number>();
  for (const d of kb.deals.values()) {
    byType.set(d.type, (byType.get(d.type) ?? 0) + 1);
    const y = String(d.announced.year);
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
  }
  return {
    deals: kb.deals.size,
    facts: kb.facts.size,
    sources: kb.sources.size,
    entities: kb.entities.size,
    disputed: kb.disputes.size,
    dealsByType: Object.fromEntries([...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    dealsByYear: Object.fromEntries([...byYear].sort((a, b) => a[0].localeCompare(b[0]))),
  };
}

/** "cloud-capacity 9, chips 7, ..." */
export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(", ");
}
