/**
 * The controlled vocabularies of the knowledge base (data standard v2, /work/spec/schema-v2.md).
 * Curators pick from these lists; the loader rejects anything else so that the engine can rely on them.
 */

/** What kind of deal it is. */
export const DEAL_TYPE_INFO = {
  "cloud-capacity": "a purchase of cloud computing capacity",
  chips: "a purchase or supply of chips, GPUs, TPUs or systems",
  "data-center": "building or buying data-center capacity",
  lease: "a lease of a data center or campus",
  equity: "an equity investment or stake",
  financing: "loans, bonds or other debt financing",
  power: "a power purchase agreement or power supply",
  acquisition: "an acquisition, including a merger",
  "joint-venture": "a joint venture",
  licensing: "a licence of technology or intellectual property",
  "capex-pledge": "a company's spending pledge or guidance: a company, a period, a geography",
  "sovereign-programme": "a country's build-out, or a company's investment in one country",
  plan: "a stated plan that is not an agreement between parties",
  "market-event": "a market event, such as a market-value milestone",
} as const;
export type DealType = keyof typeof DEAL_TYPE_INFO;
export const DEAL_TYPES = Object.keys(DEAL_TYPE_INFO) as [DealType, ...DealType[]];

/** Where the deal stands. */
export const DEAL_STATUS_INFO = {
  announced: "announced by the parties",
  reported: "reported by the press, not confirmed by the parties",
  pledge: "a pledge or guidance, not a contract",
  "letter-of-intent": "a letter of intent has been signed",
  "in-talks": "the parties are reported to be in talks",
  agreed: "the parties have agreed terms",
  signed: "the agreement has been signed",
  "under-way": "the work is under way",
  completed: "the deal has completed or closed",
  revised: "the deal was later revised; see the deal that revises it",
  scrapped: "the deal was dropped before it was carried out",
  rejected: "the deal was rejected, e.g. voted down by shareholders",
  superseded: "the deal was replaced by a later deal",
  cancelled: "the deal was cancelled",
} as const;
export type DealStatus = keyof typeof DEAL_STATUS_INFO;
export const DEAL_STATUSES = Object.keys(DEAL_STATUS_INFO) as [DealStatus, ...DealStatus[]];

/** Statuses a deal named in another deal's `supersedes` must have. */
export const SUPERSEDED_STATUSES: readonly DealStatus[] = ["scrapped", "superseded"];

/** How well a deal's headline figure is sourced. */
export const SOURCING_INFO = {
  vetted: "a tier A or B page carries the headline figure",
  "reported-not-vetted": "only tier C pages carry it",
} as const;
export type Sourcing = keyof typeof SOURCING_INFO;
export const SOURCINGS = Object.keys(SOURCING_INFO) as [Sourcing, ...Sourcing[]];

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
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Entity files are named by what they hold: data/entities/<file> holds only entities of this kind. */
export const ENTITY_FILE_KINDS: Readonly<Record<string, EntityKind>> = {
  "companies.yaml": "company",
  "people.yaml": "person",
  "projects.yaml": "project",
  "funds.yaml": "fund",
  "governments.yaml": "government",
};

/**
 * Metrics: what a figure measures. `label` is the plain-English name the bot says (never the id);
 * `description` explains it to curators and feeds `/help`.
 */
export const METRIC_INFO = {
  "deal-value": { label: "value of the deal", description: "total value of the agreement" },
  "annual-value": { label: "value per year", description: "value of the agreement per year" },
  "monthly-value": { label: "value per month", description: "value of the agreement per month" },
  "expansion-value": { label: "value added by an expansion", description: "value added by an expansion of an existing agreement" },
  investment: { label: "investment", description: "money invested by one party in another" },
  "funding-round": { label: "size of the funding round", description: "total size of a funding round" },
  tranche: { label: "one instalment", description: "one instalment of an investment or payment" },
  valuation: { label: "valuation", description: "valuation of a company in a deal" },
  "market-value": { label: "market value", description: "stock-market capitalisation" },
  "share-price": { label: "share price", description: "price of one share on the market" },
  "share-move": { label: "share-price move", description: "move of a share price on the news" },
  stake: { label: "stake", description: "percentage ownership (percent only)" },
  "stake-value": { label: "value of a stake", description: "money value of a stake or of warrant shares" },
  "share-count": { label: "number of shares", description: "number of shares or warrant shares" },
  capacity: { label: "capacity", description: "power or compute capacity, in GW or MW" },
  "build-rate": { label: "build rate", description: "capacity added per unit of time" },
  "chip-count": { label: "number of chips", description: "number of chips, GPUs, TPUs, CPUs or accelerators" },
  "server-count": { label: "number of servers or systems", description: "number of servers, racks or systems" },
  duration: { label: "length of the agreement", description: "how long the agreement runs" },
  "start-date": { label: "start date", description: "when the deal or the service starts" },
  "completion-date": { label: "completion date", description: "when the deal completes or is fully deployed" },
  "closing-date": { label: "closing date", description: "when an acquisition is expected to close or closed" },
  "announcement-date": { label: "announcement date", description: "when the deal was announced, as a quote states it" },
  expansion: { label: "expansion option", description: "whether and how far the deal can expand" },
  "cost-per-unit": { label: "cost per unit", description: "cost of one unit, such as a gigawatt" },
  "homes-equivalent": { label: "homes powered", description: "number of homes the capacity could power" },
  revenue: { label: "revenue", description: "revenue or revenue run rate" },
  backlog: { label: "contracted backlog", description: "contracted future revenue (RPO)" },
  growth: { label: "growth rate", description: "growth, in percent" },
  debt: { label: "debt financing", description: "loans, bonds or other debt raised" },
  "bond-orders": { label: "orders for a bond sale", description: "investor orders placed for a bond sale" },
  "interest-rate": { label: "interest rate or yield", description: "interest rate, coupon or yield, in percent" },
  equity: { label: "equity financing", description: "equity raised or contributed" },
  spending: { label: "spending", description: "capital spending or committed spend, incl. capex" },
  "capex-pledge": { label: "spending pledge", description: "a company's pledged or guided spending" },
  backstop: { label: "backstop or guarantee", description: "an amount a party guarantees or backstops" },
  prepayment: { label: "prepayment", description: "an amount paid in advance" },
  jobs: { label: "jobs", description: "number of jobs created" },
  "land-area": { label: "land area", description: "area of land, e.g. in acres" },
  "floor-area": { label: "floor area", description: "floor space of buildings, in square feet" },
  "assets-under-management": { label: "assets under management", description: "money a firm manages for investors: a figure for the whole firm, not for one deal" },
  sites: { label: "number of sites", description: "number of sites or campuses" },
  buildings: { label: "number of buildings", description: "number of buildings" },
  "price-per-share": { label: "price per share paid", description: "price paid per share in the deal" },
  statement: { label: "statement", description: "a quoted statement by a person" },
  term: { label: "term", description: "a non-numeric term of the deal only; never a number" },
} as const satisfies Record<string, { label: string; description: string }>;
export type Metric = keyof typeof METRIC_INFO;
export const METRIC_NAMES = Object.keys(METRIC_INFO) as [Metric, ...Metric[]];

/** The plain-English label the bot says for a metric. */
export const METRICS: Readonly<Record<Metric, string>> = Object.fromEntries(
  METRIC_NAMES.map((m) => [m, METRIC_INFO[m].label]),
) as Record<Metric, string>;

export const CURRENCIES = ["USD", "GBP", "AUD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const COUNT_UNITS = [
  "GPUs",
  "TPUs",
  "chips",
  "CPUs",
  "accelerators",
  "servers",
  "systems",
  "shares",
  "homes",
  "sites",
  "campuses",
  "buildings",
  "jobs",
  "acres",
  "square feet",
] as const;

/** Canonical units: whole units of a currency (no conversion), GW, MW, percent, years, months, a count. */
export const UNITS = [...CURRENCIES, "GW", "MW", "GW/week", "percent", "years", "months", "date", "text", ...COUNT_UNITS] as const;
export type Unit = (typeof UNITS)[number];

/** What each unit means. Money is never converted: a £22 billion figure is GBP 22000000000. */
export const UNIT_INFO: Readonly<Record<Unit, string>> = {
  USD: "US dollars, whole units",
  GBP: "pounds sterling, whole units",
  AUD: "Australian dollars, whole units",
  EUR: "euros, whole units",
  GW: "gigawatts of power or compute capacity",
  MW: "megawatts of power or compute capacity",
  "GW/week": "gigawatts added per week (a build rate)",
  percent: "a percentage: 4 means 4%",
  years: "a length in years",
  months: "a length in months",
  date: "a date, given in the fact's date field at its precision",
  text: "no number: the figure is the fact's text",
  GPUs: "a count of GPUs",
  TPUs: "a count of TPUs",
  chips: "a count of chips",
  CPUs: "a count of CPUs",
  accelerators: "a count of AI accelerators",
  servers: "a count of servers",
  systems: "a count of systems or racks",
  shares: "a count of shares or warrant shares",
  homes: "a count of homes",
  sites: "a count of sites",
  campuses: "a count of campuses",
  buildings: "a count of buildings",
  jobs: "a count of jobs",
  acres: "an area in acres",
  "square feet": "a floor area in square feet",
};

export const isCurrency = (u: string): u is Currency => (CURRENCIES as readonly string[]).includes(u);

const MONEY: readonly Unit[] = [...CURRENCIES, "text"];
/** Units a metric may take, where the metric's meaning fixes them. Metrics not listed take any unit. */
export const METRIC_UNITS: Partial<Record<Metric, readonly Unit[]>> = {
  "deal-value": MONEY,
  "annual-value": MONEY,
  "monthly-value": MONEY,
  "expansion-value": MONEY,
  investment: MONEY,
  "funding-round": MONEY,
  valuation: MONEY,
  "market-value": MONEY,
  "share-price": MONEY,
  stake: ["percent", "text"],
  "stake-value": MONEY,
  capacity: ["GW", "MW", "text"],
  "build-rate": ["GW/week", "text"],
  duration: ["years", "months", "text"],
  "start-date": ["date", "text"],
  "completion-date": ["date", "text"],
  "closing-date": ["date", "text"],
  "announcement-date": ["date", "text"],
  revenue: MONEY,
  backlog: MONEY,
  growth: ["percent", "text"],
  debt: MONEY,
  "bond-orders": MONEY,
  "interest-rate": ["percent", "text"],
  equity: MONEY,
  "capex-pledge": MONEY,
  backstop: MONEY,
  "assets-under-management": MONEY,
  "floor-area": ["square feet", "text"],
  "chip-count": ["GPUs", "TPUs", "chips", "CPUs", "accelerators", "text"],
  "server-count": ["servers", "systems", "text"],
  "share-count": ["shares", "text"],
  prepayment: MONEY,
  "price-per-share": MONEY,
  statement: ["text"],
  term: ["text"],
};

/**
 * Qualifiers exactly as reporters write them: the hedge the quote puts on the figure.
 * "none" means the figure was reported flat.
 */
export const QUALIFIER_INFO = {
  none: "the figure is reported flat",
  "up to": "a ceiling: the figure may be lower",
  "as much as": "a ceiling: the figure may be lower",
  may: "the figure may happen but is not committed (\"may scale to\")",
  potential: "a potential figure (\"the potential of reaching\")",
  about: "an approximate figure",
  around: "an approximate figure",
  roughly: "an approximate figure",
  approximately: "an approximate figure",
  some: "an approximate figure (\"some $2.5 billion\")",
  nearly: "just below the figure",
  almost: "just below the figure",
  "close to": "just below the figure",
  "more than": "a floor: the figure is higher",
  over: "a floor: the figure is higher",
  above: "a floor: the figure is higher",
  exceeding: "a floor: the figure is higher",
  "at least": "a floor: the figure may be higher",
  "upwards of": "a floor: the figure may be higher",
  "less than": "a ceiling: the figure is lower",
} as const;
export type Qualifier = keyof typeof QUALIFIER_INFO;
export const QUALIFIERS = Object.keys(QUALIFIER_INFO) as [Qualifier, ...Qualifier[]];

/** What kind of figure it is. The engine never gives an estimate or an other-scope figure as the deal's value. */
export const BASIS_INFO = {
  reported: "reported by the parties or the press as the figure itself",
  estimate: "an analyst's or a third party's estimate (estimatedBy says whose)",
  "other-scope": "a figure at another scope: a company, a campus, several deals combined (scope says which)",
} as const;
export type Basis = keyof typeof BASIS_INFO;
export const BASES = Object.keys(BASIS_INFO) as [Basis, ...Basis[]];

/** Where a source's page date comes from. */
export const DATE_BASES = ["page-metadata", "page-text", "url"] as const;

export const TIERS = ["A", "B", "C"] as const;
export type Tier = (typeof TIERS)[number];
