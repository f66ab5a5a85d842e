/** What chart building reads from the knowledge base: deal titles and dates, disputes, supersessions. */
export interface ChartKb {
  readonly deals: ReadonlyMap<string, { readonly title: string; readonly announced: { readonly iso: string } }>;
  readonly facts: ReadonlyMap<string, { readonly dispute?: string | undefined; readonly supersededBy?: string | undefined }>;
}

export const dealTitle = (kb: ChartKb, dealId: string | null): string | undefined => (dealId ? kb.deals.get(dealId)?.title : undefined);
export const disputeOf = (kb: ChartKb, factId: string | null): string | undefined => (factId ? kb.facts.get(factId)?.dispute : undefined);
export const isSuperseded = (kb: ChartKb, factId: string | null): boolean => Boolean(factId && kb.facts.get(factId)?.supersededBy);
