/**
 * The controlled vocabularies of the knowledge base. Curators pick from these lists;
 * the loader rejects anything else so that the engine can rely on them.
 */

export const DEAL_TYPES = [
  "cloud-capacity",
  "chips",
  "data-center",
  "equity",
  "financing",
  "power",
  "acquisition",
  "joint-venture",
  "plan",
  "market-event",
] as const;

export const DEAL_STATUSES = [
  "announced",
  "letter-of-intent",
  "in-talks",
  "signed",
  "under-way",
  "completed",
  "revised",
  "cancelled",
] as const;

export const PARTY_ROLES = [
  "buyer",
  "provider",
  "investor",
  "investee",
  "supplier",
  "developer",
  "lender",
  "borrower",
  "tenant",
  "landlord",
  "partner",
  "acquirer",
  "seller",
  "target",
  "subject",
] as const;

export const ENTITY_KINDS = ["company", "person", "project", "fund", "government"] as const;

/** Metrics: what a figure measures. Descriptions feed `/help` and the question parser's hints. */
export const METRICS = {
  "deal-value": "total value of the agreement",
  "annual-value": "value per year",
  "expansion-value": "value added by an expansion of an existing agreement",
  investment: "money invested by one party in another",
  "funding-round": "total size of a funding round",
  tranche: "one instalment of an investment",
  valuation: "valuation of a company in a deal",
  "market-value": "stock-market capitalisation",
  "share-price": "price per share",
  "share-move": "move of a share price on the news",
  stake: "percentage ownership",
  "share-count": "number of shares or warrant shares",
  capacity: "power or compute capacity",
  "build-rate": "capacity added per unit of time",
  "chip-count": "number of chips, GPUs, TPUs or CPUs",
  duration: "length of the agreement",
  "start-date": "when the deal starts",
  "completion-date": "when the deal completes or is fully deployed",
  "announcement-date": "when the deal was announced",
  expansion: "whether and when the deal can expand",
  "cost-per-unit": "cost of one unit, such as a gigawatt",
  "homes-equivalent": "number of homes the capacity could power",
  revenue: "revenue or revenue run rate",
  backlog: "contracted future revenue (RPO)",
  debt: "debt financing",
  equity: "equity financing",
  spending: "capital spending or committed spend",
  sites: "number of sites or campuses",
  statement: "a quoted statement by a person",
  term: "a non-numeric term of the deal",
} as const;
export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [Metric, ...Metric[]];

export const COUNT_UNITS = [
  "GPUs",
  "TPUs",
  "chips",
  "CPUs",
  "accelerators",
  "shares",
  "homes",
  "sites",
  "campuses",
] as const;

export const UNITS = [
  "USD",
  "GW",
  "MW",
  "GW/week",
  "percent",
  "years",
  "months",
  "date",
  "text",
  ...COUNT_UNITS,
] as const;
export type Unit = (typeof UNITS)[number];

/** Qualifiers exactly as reporters write them. "none" means the figure was reported flat. */
export const QUALIFIERS = [
  "none",
  "up to",
  "about",
  "around",
  "roughly",
  "approximately",
  "nearly",
  "almost",
  "more than",
  "over",
  "at least",
  "as much as",
  "less than",
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const TIERS = ["A", "B", "C"] as const;
export type Tier = (typeof TIERS)[number];
