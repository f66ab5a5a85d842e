import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Rng } from "./rng.js";
import { isCommonWord } from "../src/kb/common-words.js";

/**
 * A synthetic knowledge base for the benchmark: generated companies, people and deals in exactly the
 * format of data/ (entities/, sources/, deals/), deterministic from the seed. Every fact's quote
 * carries its figure the way src/kb/quote-figure.ts checks it, and titles and summaries carry no
 * numbers, so the real loader accepts the result.
 */

type Category = "lab" | "cloud" | "chip" | "dc" | "fin" | "power";

interface GenEntity {
  id: string;
  name: string;
  kind: "company" | "person";
  aliases: string[];
  parent?: string;
  description?: string;
  category?: Category;
  /** Short form used in titles and quotes: "Norvex" for "Norvex Compute". */
  short: string;
}

interface GenParty {
  entity: GenEntity;
  role: string;
}

interface GenSource {
  id: string;
  title: string;
  publisher: string;
  url?: string;
  publishedAt: string;
  tier: "A" | "B" | "C";
}

interface GenFact {
  id: string;
  metric: string;
  value?: number;
  unit: string;
  qualifier: string;
  range?: { min: number; max: number };
  date?: string;
  text?: string;
  subject?: string;
  speaker?: string;
  asOf: string;
  source: string;
  quote: string;
  dispute?: string;
  supersedes?: string;
}

interface GenDeal {
  id: string;
  title: string;
  type: string;
  status: string;
  announced: string;
  summary: string;
  parties: GenParty[];
  revises: string[];
  supersedes: string[];
  sources: GenSource[];
  facts: GenFact[];
}

/** A fact before ids and sources are assigned. */
type FactSpec = Omit<GenFact, "id" | "asOf" | "source"> & { key: string; later?: boolean; freshSource?: boolean };

// ── Names ────────────────────────────────────────────────────────────────────

const HEADS = [
  "Al", "Nor", "Ver", "Ky", "Zan", "Tor", "Lu", "Sol", "Quin", "Mer", "Dra", "Cor", "Hal", "Ix", "Or", "Pra",
  "Ser", "Tal", "Vi", "Xen", "Bel", "Cal", "Den", "Fal", "Gal", "Jas", "Kel", "Lor", "Mav", "Nex", "Oph", "Pel",
  "Rho", "Syl", "Tes", "Ul", "Var", "Wyn", "Yar", "Zep", "Bran", "Cy", "Eld", "Fen", "Hy", "Ist", "Kor", "Myr",
];
const MIDS = ["a", "e", "i", "o", "ri", "la", "ne", "ta", "vo", "ro"];
const TAILS = [
  "vex", "tair", "ion", "ara", "ium", "yx", "ora", "ent", "is", "on", "ix", "ana", "eon", "ith", "ova", "una",
  "ar", "ex", "os", "ant", "ell", "ade", "ux", "ira", "andt", "oth", "yra", "esk",
];
const CODE_TAILS = ["ion", "eus", "ara", "ia", "os", "on", "ydra", "esta", "ope", "ane", "ilon", "ora"];

const SUFFIXES: Record<Category, readonly string[]> = {
  lab: ["AI", "Labs", "Intelligence", "Research"],
  cloud: ["Cloud", "Compute", "Networks", "Infrastructure", "Hyperscale"],
  chip: ["Semiconductor", "Silicon", "Devices", "Micro"],
  dc: ["Data Centers", "Digital", "Realty", "Hosting"],
  fin: ["Capital", "Ventures", "Holdings", "Asset Management"],
  power: ["Renewables", "Utilities", "Nuclear", "Grid"],
};

const DESCRIPTIONS: Record<Category, string> = {
  lab: "An AI model developer.",
  cloud: "A cloud and GPU capacity provider.",
  chip: "A maker of AI accelerators.",
  dc: "A data-center developer and operator.",
  fin: "An investment firm that backs AI infrastructure.",
  power: "A power producer that sells electricity to data centers.",
};

/** Words a generated name must never be: engine cue words, stopwords, and everyday words. */
const BANNED = new Set(
  "worth value valued market power energy capacity start begin deployed complete finish expand invest stake own hold shares revenue annual chips round financing debt spend commit statement announced compare versus total largest biggest smallest companies deals agreement contract partners sources homes weekly tranche initial delivered exclusive much many long cost dollars billion trillion million which signed solar talent cyan ista salon vision vista oracle meta amazon google nvidia openai anthropic microsoft coreweave altair lorentz cora valor lunar nexus sonar polar tesla apple samsung intel dell mistral cohere".split(" "),
);

const FIRST_NAMES = [
  "Mara", "Jonas", "Priya", "Tomas", "Elena", "Rafael", "Ingrid", "Kenji", "Amara", "Lucas", "Sofia", "Dmitri",
  "Hana", "Oliver", "Nadia", "Mateo", "Freya", "Arjun", "Camille", "Tobias", "Leila", "Marcus", "Yuki", "Isabel",
  "Henrik", "Zara", "Felix", "Anika", "Gabriel", "Lena", "Omar", "Clara", "Viktor", "Maya", "Theo", "Rosa",
  "Samuel", "Irene", "Malik", "Greta", "Daniel", "Aisha", "Noah", "Vera", "Elias", "Mina", "Julian", "Astrid",
];
const LAST_NAMES = [
  "Lindqvist", "Okafor", "Brennan", "Castellanos", "Hargrove", "Nakamura", "Petrov", "Achebe", "Delacroix",
  "Whitfield", "Sorensen", "Rahman", "Moreau", "Kowalski", "Fitzgerald", "Takahashi", "Oyelaran", "Vasquez",
  "Lindgren", "Abernathy", "Chandrasekar", "Holloway", "Marchetti", "Novak", "Osei", "Pemberton", "Quintero",
  "Rasmussen", "Stavros", "Thornbury", "Ueda", "Valdivia", "Wexler", "Yilmaz", "Zielinski", "Albrecht",
  "Bjornstad", "Calloway", "Dragomir", "Eastwood", "Falkenberg", "Gallardo", "Haverford", "Iwasaki",
  "Jablonski", "Kristiansen", "Lockhart", "Montague", "Nordahl", "Ostrowski", "Prescott", "Radcliffe",
  "Silvestri", "Trevelyan", "Underhill", "Vanderberg", "Westbrook", "Xanthos", "Yardley", "Zamora",
  "Ashdown", "Blackwood", "Cavendish", "Dunmore", "Ellsworth", "Fairbanks", "Greyson", "Hollister",
];

const CITIES = [
  "Abilene", "Amarillo", "Lubbock", "Cheyenne", "Reno", "Boise", "Fargo", "Tulsa", "Wichita", "Omaha", "Laramie",
  "Spokane", "Roanoke", "Savannah", "Macon", "Augusta", "Lafayette", "Shreveport", "Billings", "Bismarck",
  "Dubuque", "Peoria", "Racine", "Kenosha", "Mobile", "Midland", "Odessa", "Temple", "Waco", "Tyler",
  "Narvik", "Trondheim", "Kajaani", "Lulea", "Esbjerg", "Cork", "Limerick", "Sines", "Zaragoza", "Fresnillo",
];

const STATEMENTS = [
  "This partnership gives us the compute we need to keep scaling",
  "Demand for AI infrastructure continues to outstrip supply",
  "We are building the capacity our customers have been asking for",
  "Compute is the scarcest resource in AI today",
  "This agreement secures the infrastructure for our next generation of models",
  "We see this as a long-term foundation for growth",
  "Our customers want reliable capacity at scale, and this delivers it",
  "The economics of this build-out work for both sides",
  "We are committed to bringing this capacity online as fast as possible",
  "This is one of the largest infrastructure commitments we have made",
];

const TERMS = [
  "right of first refusal",
  "exclusive capacity provider",
  "take-or-pay terms",
  "option to extend the term",
  "priority access to new capacity",
];

const PUBLISHERS: ReadonlyArray<readonly [string, "A" | "B" | "C"]> = [
  ["Reuters", "A"],
  ["Bloomberg", "A"],
  ["Financial Times", "A"],
  ["The Wall Street Journal", "A"],
  ["DIGITIMES", "B"],
  ["CNBC", "B"],
  ["TechCrunch", "B"],
  ["The Information", "B"],
  ["Data Center Dynamics", "B"],
  ["The Register", "B"],
  ["SiliconANGLE", "B"],
  ["NewsBytes", "C"],
  ["Compute Digest", "C"],
  ["AI Infra Weekly", "C"],
  ["Seeking Alpha contributor", "C"],
];

const NUMBER_WORDS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];

/** A few real companies, so that questions mix generated and familiar names. */
const REAL: ReadonlyArray<Omit<GenEntity, "kind" | "short"> & { short?: string; weight: number }> = [
  { id: "openai", name: "OpenAI", aliases: ["Open AI", "ChatGPT maker"], category: "lab", weight: 1 },
  { id: "nvidia", name: "Nvidia", aliases: ["NVDA", "Nvidia Corp"], category: "chip", weight: 0.9 },
  { id: "microsoft", name: "Microsoft", aliases: ["MSFT", "Microsoft Corp"], category: "cloud", weight: 0.8 },
  { id: "oracle", name: "Oracle", aliases: ["ORCL", "OCI"], category: "cloud", weight: 0.7 },
  { id: "amazon", name: "Amazon", aliases: ["AMZN", "Amazon.com"], category: "fin", weight: 0.5 },
  { id: "aws", name: "Amazon Web Services", short: "AWS", aliases: ["AWS", "Amazon cloud"], parent: "amazon", category: "cloud", weight: 0.6 },
  { id: "meta", name: "Meta", aliases: ["Meta Platforms", "Facebook"], category: "lab", weight: 0.6 },
  { id: "anthropic", name: "Anthropic", aliases: ["Claude maker"], category: "lab", weight: 0.6 },
  { id: "coreweave", name: "CoreWeave", aliases: ["Core Weave", "CRWV"], category: "cloud", weight: 0.5 },
  { id: "google", name: "Google", aliases: ["Alphabet", "GOOGL"], category: "fin", weight: 0.4 },
  { id: "google-cloud", name: "Google Cloud", aliases: ["GCP"], parent: "google", category: "cloud", weight: 0.4 },
];

const REAL_IDS: ReadonlySet<string> = new Set(REAL.map((r) => r.id));

const REAL_PEOPLE: ReadonlyArray<{ id: string; name: string; parent: string; aliases: string[] }> = [
  { id: "sam-altman", name: "Sam Altman", parent: "openai", aliases: ["Altman"] },
  { id: "jensen-huang", name: "Jensen Huang", parent: "nvidia", aliases: ["Huang"] },
  { id: "satya-nadella", name: "Satya Nadella", parent: "microsoft", aliases: ["Nadella"] },
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const pad = (n: number) => String(n).padStart(2, "0");

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(iso: string, months: number): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${iso.slice(8, 10)}`;
}

const wordCount = (s: string) => s.trim().split(/\s+/).length;

// ── World: companies and people ──────────────────────────────────────────────

class World {
  readonly companies: GenEntity[] = [];
  readonly people: GenEntity[] = [];
  /** Category -> companies with cumulative popularity weights, for weighted picks. */
  private readonly pools = new Map<Category, { items: GenEntity[]; cumulative: number[] }>();
  readonly speakerOf = new Map<string, GenEntity[]>();
  private readonly groupOf = new Map<string, string>();
  private readonly usedWords = new Set<string>(BANNED);
  private readonly usedTickers = new Set<string>();

  constructor(private readonly rng: Rng, companyCount: number) {
    const weights = new Map<string, number>();
    for (const r of REAL) {
      const e: GenEntity = {
        id: r.id,
        name: r.name,
        kind: "company",
        aliases: [...r.aliases],
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        ...(r.category !== undefined ? { category: r.category } : {}),
        short: r.short ?? r.name,
      };
      this.companies.push(e);
      weights.set(e.id, r.weight);
      this.groupOf.set(e.id, r.parent ?? r.id);
      for (const a of [r.name, ...r.aliases]) this.usedWords.add(a.toLowerCase());
    }
    const categories: ReadonlyArray<readonly [Category, number]> = [
      ["lab", 25], ["cloud", 25], ["chip", 10], ["dc", 15], ["fin", 15], ["power", 10],
    ];
    for (let i = 0; i < companyCount; i++) {
      const category = rng.weighted(categories);
      const word = this.freshWord();
      const suffix = rng.chance(0.8) ? rng.pick(SUFFIXES[category]) : "";
      const name = suffix ? `${word} ${suffix}` : word;
      const aliases: string[] = [];
      if (suffix) aliases.push(word);
      if (rng.chance(0.7)) aliases.push(this.ticker(word));
      if (rng.chance(0.3)) aliases.push(`${name} ${rng.pick(["Inc", "Corp", "Ltd", "plc"])}`);
      if (aliases.length === 0) aliases.push(this.ticker(word));
      const e: GenEntity = {
        id: slug(name),
        name,
        kind: "company",
        aliases,
        category,
        short: word,
        ...(rng.chance(0.3) ? { description: DESCRIPTIONS[category] } : {}),
      };
      this.companies.push(e);
      // Zipf-like popularity: a few companies take part in many deals, most in a few.
      weights.set(e.id, 0.35 / Math.pow(i + 2, 0.85));
      this.groupOf.set(e.id, e.id);
    }
    for (const c of this.companies) {
      const cat = c.category!;
      const pool = this.pools.get(cat) ?? { items: [], cumulative: [] };
      const last = pool.cumulative[pool.cumulative.length - 1] ?? 0;
      pool.items.push(c);
      pool.cumulative.push(last + (weights.get(c.id) ?? 0.01));
      this.pools.set(cat, pool);
    }

    // People: a few real executives, plus one for most generated companies.
    const byId = new Map(this.companies.map((c) => [c.id, c]));
    const usedPeople = new Set<string>();
    const usedLast = new Set<string>();
    for (const p of REAL_PEOPLE) {
      if (!byId.has(p.parent)) continue;
      const e: GenEntity = { id: p.id, name: p.name, kind: "person", aliases: [...p.aliases], parent: p.parent, short: p.name };
      this.addPerson(e);
      usedPeople.add(p.id);
      for (const a of p.aliases) usedLast.add(a);
    }
    for (const c of this.companies.slice(REAL.length)) {
      if (!rng.chance(0.6)) continue;
      let first = rng.pick(FIRST_NAMES);
      let last = rng.pick(LAST_NAMES);
      for (let tries = 0; usedPeople.has(slug(`${first} ${last}`)) && tries < 20; tries++) {
        first = rng.pick(FIRST_NAMES);
        last = rng.pick(LAST_NAMES);
      }
      const id = slug(`${first} ${last}`);
      if (usedPeople.has(id)) continue;
      usedPeople.add(id);
      const aliases = usedLast.has(last) ? [] : [last];
      usedLast.add(last);
      this.addPerson({ id, name: `${first} ${last}`, kind: "person", aliases, parent: c.id, short: last });
    }
  }

  private addPerson(e: GenEntity): void {
    this.people.push(e);
    const list = this.speakerOf.get(e.parent!) ?? [];
    list.push(e);
    this.speakerOf.set(e.parent!, list);
  }

  group(id: string): string {
    return this.groupOf.get(id) ?? id;
  }

  private freshWord(): string {
    for (let tries = 0; ; tries++) {
      const head = this.rng.pick(HEADS);
      const mid = tries > 30 || this.rng.chance(0.35) ? this.rng.pick(MIDS) : "";
      const tail = this.rng.pick(TAILS);
      const word = cap(`${head}${mid}${tail}`.toLowerCase());
      if (word.length < 4 || this.usedWords.has(word.toLowerCase())) continue;
      this.usedWords.add(word.toLowerCase());
      return word;
    }
  }

  private ticker(word: string): string {
    const letters = word.toUpperCase().replace(/[^A-Z]/g, "");
    const consonants = letters[0]! + letters.slice(1).replace(/[AEIOU]/g, "");
    let base = (consonants.length >= 3 ? consonants : letters).slice(0, 4);
    if (base.length < 3) base = (base + "XQ").slice(0, 3);
    let t = base;
    for (let i = 0; this.usedTickers.has(t) || this.usedWords.has(t.toLowerCase()); i++) {
      t = base.slice(0, 3) + String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String.fromCharCode(65 + Math.floor(i / 26) % 26) : "");
    }
    this.usedTickers.add(t);
    // A later company word must not spell an earlier ticker ("ULYX", then "Ulyx"): the loader matches aliases across case.
    this.usedWords.add(t.toLowerCase());
    return t;
  }

  /** A popularity-weighted company of one of the categories, not in the excluded groups. */
  pick(categories: readonly Category[], exclude: ReadonlySet<string>, generatedOnly = false): GenEntity {
    for (let tries = 0; tries < 50; tries++) {
      const pool = this.pools.get(this.rng.pick(categories));
      if (!pool || pool.items.length === 0) continue;
      const total = pool.cumulative[pool.cumulative.length - 1]!;
      const r = this.rng.float() * total;
      let lo = 0;
      let hi = pool.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pool.cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      const e = pool.items[lo]!;
      if (!exclude.has(this.group(e.id)) && !(generatedOnly && REAL_IDS.has(e.id))) return e;
    }
    // Fall back to any company outside the excluded groups.
    const rest = this.companies.filter((c) => !exclude.has(this.group(c.id)) && !(generatedOnly && REAL_IDS.has(c.id)));
    return this.rng.pick(rest);
  }

  codename(): string {
    return cap(`${this.rng.pick(HEADS)}${this.rng.chance(0.5) ? this.rng.pick(MIDS) : ""}${this.rng.pick(CODE_TAILS)}`.toLowerCase());
  }
}

// ── Figures, written the way reporters write them ───────────────────────────

const QUALIFIERS: ReadonlyArray<readonly [string, number]> = [
  ["none", 60], ["up to", 10], ["about", 8], ["more than", 6], ["nearly", 3], ["approximately", 3],
  ["roughly", 3], ["around", 3], ["at least", 2], ["as much as", 2],
];

function qualified(q: string, figure: string): string {
  return q === "none" ? figure : `${q} ${figure}`;
}

const num = (n: number) => String(Number(n.toFixed(3)));

/** A dollar amount: value in whole dollars and how it reads ("$12.5 billion", "US$12.5bn"). */
function money(rng: Rng, minB: number, maxB: number): { value: number; words: string } {
  const b = minB + rng.float() * (maxB - minB);
  if (b < 1) {
    const m = Math.max(10, Math.round((b * 1000) / 10) * 10);
    return { value: m * 1e6, words: rng.pick([`$${m} million`, `$${m}m`, `US$${m} million`]) };
  }
  const tenths = b >= 20 ? Math.round(b) * 10 : Math.round(b * 10);
  const value = tenths * 1e8;
  const m = num(tenths / 10);
  if (value >= 1e12) return { value, words: `$${num(value / 1e12)} trillion` };
  return { value, words: rng.pick([`$${m} billion`, `US$${m} billion`, `$${m}bn`, `${m} billion dollars`]) };
}

function countWords(rng: Rng, n: number): string {
  if (n <= 20 && rng.chance(0.6)) return NUMBER_WORDS[n]!;
  return String(n);
}

// ── Deals ────────────────────────────────────────────────────────────────────

type DealType = "cloud-capacity" | "chips" | "data-center" | "equity" | "financing" | "acquisition" | "joint-venture" | "power" | "plan";

const DEAL_TYPES: ReadonlyArray<readonly [DealType, number]> = [
  ["cloud-capacity", 28], ["chips", 14], ["data-center", 14], ["equity", 14], ["financing", 8],
  ["acquisition", 6], ["joint-venture", 5], ["power", 9], ["plan", 2],
];

const STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["signed", 35], ["announced", 25], ["under-way", 15], ["completed", 8], ["letter-of-intent", 5],
  ["in-talks", 5], ["cancelled", 3],
];

/** Roles and the categories that fill them: the first two always, the rest sometimes. */
const CAST: Record<DealType, ReadonlyArray<readonly [string, readonly Category[]]>> = {
  "cloud-capacity": [["buyer", ["lab", "lab", "cloud"]], ["provider", ["cloud"]], ["supplier", ["chip"]], ["partner", ["dc"]]],
  chips: [["buyer", ["lab", "cloud"]], ["supplier", ["chip"]], ["partner", ["cloud"]], ["investor", ["fin"]]],
  "data-center": [["tenant", ["lab", "cloud"]], ["developer", ["dc"]], ["lender", ["fin"]], ["landlord", ["fin", "dc"]]],
  equity: [["investor", ["fin", "chip", "cloud"]], ["investee", ["lab", "cloud", "dc"]], ["investor", ["fin"]], ["investor", ["chip", "fin"]]],
  financing: [["borrower", ["dc", "cloud"]], ["lender", ["fin"]], ["lender", ["fin"]], ["tenant", ["lab", "cloud"]]],
  acquisition: [["acquirer", ["fin", "cloud", "dc"]], ["target", ["dc", "cloud", "power"]], ["seller", ["fin"]]],
  "joint-venture": [["partner", ["lab", "cloud", "fin"]], ["partner", ["dc", "fin", "cloud"]], ["partner", ["chip", "power"]], ["lender", ["fin"]]],
  power: [["buyer", ["cloud", "dc", "lab"]], ["provider", ["power"]], ["developer", ["dc"]]],
  plan: [["subject", ["lab", "cloud"]]],
};

interface Ctx {
  rng: Rng;
  deal: { id: string; type: DealType; announced: string; codename?: string; city?: string };
  parties: GenParty[];
  world: World;
}

const year = (iso: string) => Number(iso.slice(0, 4));

function partyIn(ctx: Ctx, ...roles: string[]): GenEntity {
  return (ctx.parties.find((p) => roles.includes(p.role)) ?? ctx.parties[0]!).entity;
}
const first = (ctx: Ctx) => ctx.parties[0]!.entity;
const second = (ctx: Ctx) => (ctx.parties[1] ?? ctx.parties[0]!).entity;

type Gen = (ctx: Ctx) => FactSpec | undefined;

function moneyFact(metric: string, minB: number, maxB: number, phrase: (ctx: Ctx, fig: string) => string, subject?: (ctx: Ctx) => string): Gen {
  return (ctx) => {
    const q = ctx.rng.weighted(QUALIFIERS);
    const m = money(ctx.rng, minB, maxB);
    return {
      key: metric,
      metric,
      value: m.value,
      unit: "USD",
      qualifier: q,
      quote: phrase(ctx, qualified(q, m.words)),
      ...(subject ? { subject: subject(ctx) } : {}),
    };
  };
}

const dealValue = moneyFact("deal-value", 0.3, 120, (c, fig) =>
  c.rng.pick([
    `${first(c).short} has agreed a ${fig} contract with ${second(c).short}`,
    `${first(c).name} and ${second(c).name} announced a ${fig}, multi-year agreement`,
    `The deal between ${first(c).short} and ${second(c).short} is worth ${fig}, according to people familiar with the matter.`,
    `${second(c).short} signed an agreement worth ${fig} with ${first(c).short}`,
  ]),
);

const capacityGW: Gen = (ctx) => {
  const q = ctx.rng.weighted(QUALIFIERS);
  const v = Number((0.3 + ctx.rng.float() * 7.7).toFixed(1));
  const fig = qualified(q, ctx.rng.pick([`${num(v)} gigawatts`, `${num(v)}GW`, `${num(v)} GW`]));
  return {
    key: "capacity",
    metric: "capacity",
    value: v,
    unit: "GW",
    qualifier: q,
    quote: ctx.rng.pick([
      `The agreement covers ${fig} of computing capacity for ${partyIn(ctx, "buyer", "tenant", "partner", "subject").short}.`,
      `${second(ctx).short} will deliver ${fig} of capacity under the deal`,
      `bringing ${fig} of new AI capacity online`,
    ]),
  };
};

const capacityMW: Gen = (ctx) => {
  const q = ctx.rng.weighted(QUALIFIERS);
  const v = ctx.rng.int(5, 150) * 10;
  const written = v >= 1000 ? v.toLocaleString("en-US") : String(v);
  const fig = qualified(q, ctx.rng.pick([`${written} megawatts`, `${written} MW`, `${written}MW`]));
  const where = ctx.deal.city ? ` in ${ctx.deal.city}` : "";
  return {
    key: "capacity",
    metric: "capacity",
    value: v,
    unit: "MW",
    qualifier: q,
    quote: ctx.rng.pick([`The campus${where} will provide ${fig} of IT capacity`, `a facility${where} with ${fig} of power for ${first(ctx).short}`]),
  };
};

const CHIP_UNITS = ["GPUs", "GPUs", "accelerators", "chips", "TPUs"] as const;

const chipCount: Gen = (ctx) => {
  const unit = ctx.rng.pick(CHIP_UNITS);
  const supplier = partyIn(ctx, "supplier", "provider").short;
  if (ctx.rng.chance(0.12)) {
    return {
      key: "chip-count",
      metric: "chip-count",
      unit,
      qualifier: "none",
      range: { min: 100000, max: 999999 },
      text: "hundreds of thousands",
      quote: `access to hundreds of thousands of ${supplier} ${unit} over the life of the contract`,
    };
  }
  const q = ctx.rng.weighted(QUALIFIERS);
  const big = ctx.rng.chance(0.15);
  const value = big ? ctx.rng.int(11, 30) * 100000 : ctx.rng.int(4, 199) * 5000;
  const written = big ? `${num(value / 1e6)} million` : ctx.rng.chance(0.2) ? `${value / 1000}k` : value.toLocaleString("en-US");
  return {
    key: "chip-count",
    metric: "chip-count",
    value,
    unit,
    qualifier: q,
    quote: `${supplier} will supply ${qualified(q, written)} ${unit} to ${partyIn(ctx, "buyer", "tenant").short}`,
  };
};

const duration: Gen = (ctx) => {
  const n = ctx.rng.int(2, 15);
  const w = countWords(ctx.rng, n);
  return {
    key: "duration",
    metric: "duration",
    value: n,
    unit: "years",
    qualifier: "none",
    quote: ctx.rng.pick([
      `The contract runs for ${w} years.`,
      `${first(ctx).short} signed an agreement with ${second(ctx).short} running ${w} years`,
      `capacity delivered over the next ${w} years`,
    ]),
  };
};

function dateFact(metric: "start-date" | "completion-date"): Gen {
  return (ctx) => {
    const y = year(ctx.deal.announced);
    const options: Array<[string, string]> =
      metric === "start-date"
        ? [
            ["immediately", ctx.deal.announced],
            [`in the first quarter of ${y + 1}`, `${y + 1}-03-31`],
            [`in mid-${y + 1}`, `${y + 1}-06-30`],
            [`later in ${y}`, `${y}-12-31`],
            [`in early ${y + 1}`, `${y + 1}-03-31`],
          ]
        : (() => {
            const d = y + ctx.rng.int(1, 4);
            return [
              [`by the end of ${d}`, `${d}-12-31`],
              [`before the end of ${d}`, `${d}-12-31`],
              [`in the second half of ${d}`, `${d}-12-31`],
              [`by ${d}`, `${d}-12-31`],
            ];
          })();
    const [text, date] = ctx.rng.pick(options);
    const quote =
      metric === "start-date"
        ? ctx.rng.pick([`${first(ctx).short} will begin using the capacity ${text}`, `Deliveries are expected to start ${text}.`])
        : ctx.rng.pick([`with full deployment expected ${text}`, `All capacity is expected to be online ${text}.`, `The project should be completed ${text}, the companies said.`]);
    return { key: metric, metric, unit: "date", qualifier: "none", date, text, quote };
  };
}

const statement: Gen = (ctx) => {
  const speakers = ctx.parties.flatMap((p) => ctx.world.speakerOf.get(p.entity.id) ?? []);
  if (speakers.length === 0) return undefined;
  const person = ctx.rng.pick(speakers);
  const text = ctx.rng.pick(STATEMENTS);
  const title = ctx.rng.pick(["chief executive", "CEO", "president", "chief financial officer"]);
  const company = ctx.world.companies.find((c) => c.id === person.parent)?.short ?? "";
  return {
    key: "statement",
    metric: "statement",
    unit: "text",
    qualifier: "none",
    text,
    speaker: person.id,
    quote: `“${text},” said ${person.name}, ${company} ${title}.`,
  };
};

const annualValue = moneyFact("annual-value", 0.2, 15, (c, fig) => `worth ${fig} a year to ${second(c).short}`);

const expansion: Gen = (ctx) => {
  const text = `room to expand beyond ${year(ctx.deal.announced) + ctx.rng.int(3, 6)}`;
  return { key: "expansion", metric: "expansion", unit: "text", qualifier: "none", text, quote: `The agreement leaves ${text}.` };
};

const term: Gen = (ctx) => {
  const text = ctx.rng.pick(TERMS);
  return { key: "term", metric: "term", unit: "text", qualifier: "none", text, quote: `${first(ctx).short} secured ${text} under the agreement with ${second(ctx).short}` };
};

const shareCount: Gen = (ctx) => {
  const m = ctx.rng.int(10, 300);
  return {
    key: "share-count",
    metric: "share-count",
    value: m * 1e6,
    unit: "shares",
    qualifier: "up to",
    quote: `${partyIn(ctx, "buyer").short} received warrants for up to ${m} million ${partyIn(ctx, "supplier").short} shares`,
  };
};

const stake: Gen = (ctx) => {
  const holder = partyIn(ctx, "investor", "buyer", "partner");
  const other = ctx.parties.find((p) => p.entity !== holder)?.entity ?? second(ctx);
  const v = ctx.rng.chance(0.5) ? ctx.rng.int(1, 49) : Number((0.5 + ctx.rng.float() * 20).toFixed(1));
  const q = ctx.rng.chance(0.7) ? "none" : ctx.rng.pick(["about", "roughly", "nearly"]);
  const fig = qualified(q, ctx.rng.pick([`${num(v)}%`, `${num(v)} percent`]));
  return {
    key: "stake",
    metric: "stake",
    value: v,
    unit: "percent",
    qualifier: q,
    subject: holder.id,
    quote: `${holder.short} will hold a stake of ${fig} in ${other.short}`,
  };
};

const valuation = moneyFact(
  "valuation",
  2,
  900,
  (c, fig) => c.rng.pick([`valuing ${partyIn(c, "investee", "target").short} at ${fig}`, `at a ${fig} post-money valuation`]),
  (c) => partyIn(c, "investee", "target").id,
);

const investment = moneyFact("investment", 0.2, 60, (c, fig) => `${partyIn(c, "investor", "partner").short} will invest ${fig} in ${partyIn(c, "investee", "partner").short}`);
const tranche = moneyFact("tranche", 0.1, 15, (c, fig) => `a first tranche of ${fig} from ${partyIn(c, "investor").short}`);
const fundingRound = moneyFact("funding-round", 1, 80, (c, fig) => `as part of a ${fig} funding round for ${partyIn(c, "investee").short}`);
const debt = moneyFact("debt", 0.5, 40, (c, fig) => {
  const lender = c.parties.find((p) => p.role === "lender")?.entity;
  return lender ? `${lender.short} is leading ${fig} of debt financing for the project` : `Banks are arranging ${fig} of debt financing for the ${first(c).short} project`;
});
const equity = moneyFact("equity", 0.2, 10, (c, fig) => `with ${partyIn(c, "lender", "investor", "partner").short} contributing ${fig} in equity`);
const spending = moneyFact("spending", 50, 1500, (c, fig) => `${first(c).short} plans to spend ${fig} on compute over the coming years`);

const sites: Gen = (ctx) => {
  const n = ctx.rng.int(2, 9);
  const unit = ctx.rng.pick(["sites", "campuses"]);
  return { key: "sites", metric: "sites", value: n, unit, qualifier: "none", quote: `spread across ${countWords(ctx.rng, n)} ${unit} in ${ctx.deal.city ?? "the United States"} and beyond` };
};

const homes: Gen = (ctx) => {
  const v = ctx.rng.int(10, 200) * 10000;
  const q = ctx.rng.pick(["about", "roughly", "nearly"]);
  return { key: "homes-equivalent", metric: "homes-equivalent", value: v, unit: "homes", qualifier: q, quote: `enough electricity to power ${q} ${v.toLocaleString("en-US")} homes` };
};

const marketValue: Gen = (ctx) => {
  const holder = first(ctx);
  const v = ctx.rng.int(10, 45) * 1e11;
  return {
    key: "market-value",
    metric: "market-value",
    value: v,
    unit: "USD",
    qualifier: "more than",
    subject: holder.id,
    quote: `${holder.short} shares rose, briefly valuing the company at more than $${num(v / 1e12)} trillion`,
  };
};

const PLANS: Record<DealType, Gen[]> = {
  "cloud-capacity": [dealValue, capacityGW, chipCount, duration, dateFact("start-date"), dateFact("completion-date"), statement, annualValue, expansion, term, marketValue],
  chips: [dealValue, chipCount, capacityGW, dateFact("completion-date"), dateFact("start-date"), statement, shareCount, stake, term, duration],
  "data-center": [dealValue, capacityMW, sites, dateFact("completion-date"), dateFact("start-date"), debt, statement, homes, duration, term],
  equity: [investment, valuation, stake, tranche, fundingRound, statement, dateFact("completion-date"), term],
  financing: [debt, equity, capacityMW, dateFact("completion-date"), statement, sites, term, duration],
  acquisition: [dealValue, dateFact("completion-date"), capacityMW, sites, valuation, statement, term],
  "joint-venture": [investment, capacityGW, dealValue, sites, dateFact("completion-date"), statement, stake, term],
  power: [capacityMW, dealValue, duration, dateFact("start-date"), statement, homes, term],
  plan: [spending, capacityGW, dateFact("completion-date"), statement, homes],
};

const HEADLINE: Record<DealType, Gen> = {
  "cloud-capacity": dealValue,
  chips: dealValue,
  "data-center": dealValue,
  equity: investment,
  financing: debt,
  acquisition: dealValue,
  "joint-venture": investment,
  power: capacityMW,
  plan: spending,
};

function titleFor(type: DealType, parties: GenParty[], codename: string | undefined, expanded: boolean): string {
  const a = parties[0]!.entity.short;
  const b = (parties[1] ?? parties[0]!).entity.short;
  const pre = expanded ? "expanded " : "";
  switch (type) {
    case "cloud-capacity":
      return `${a}–${b} ${pre}cloud capacity agreement`;
    case "chips":
      return `${a}–${b} ${pre}chip supply deal`;
    case "data-center":
      return codename ? `${a} ${codename} data center` : `${a}–${b} ${pre}data center lease`;
    case "equity":
      return `${a} ${pre}investment in ${b}`;
    case "financing":
      return codename ? `${codename} project financing` : `${a} debt financing`;
    case "acquisition":
      return `${a} acquisition of ${b}`;
    case "joint-venture":
      return `${codename ?? `${a}–${b}`} joint venture`;
    case "power":
      return `${a}–${b} ${pre}power purchase agreement`;
    case "plan":
      return `${a} compute build-out plan`;
  }
}

function summaryFor(type: DealType, parties: GenParty[], city: string | undefined): string {
  const names = parties.map((p) => p.entity.name);
  const [a, b] = [names[0]!, names[1] ?? names[0]!];
  const extra = names.length > 2 ? ` ${names.slice(2).join(" and ")} also take${names.length > 3 ? "" : "s"} part.` : "";
  const where = city ? ` near ${city}` : "";
  switch (type) {
    case "cloud-capacity":
      return `${a} buys GPU capacity from ${b} under a multi-year agreement, with deliveries phased over several years.${extra}`;
    case "chips":
      return `${a} buys AI accelerators from ${b}, with deployments phased in over several years.${extra}`;
    case "data-center":
      return `${b} builds and operates a data-center campus${where} for ${a}.${extra}`;
    case "equity":
      return `${a} invests in ${b} and takes a minority stake.${extra}`;
    case "financing":
      return `${b} arranges debt financing for a data-center build-out by ${a}${where}.${extra}`;
    case "acquisition":
      return `${a} agrees to acquire ${b}, adding data-center capacity to its portfolio.${extra}`;
    case "joint-venture":
      return `${a} and ${b} form a joint venture to build AI infrastructure${where}.${extra}`;
    case "power":
      return `${b} supplies electricity to ${a} data centers under a long-term power purchase agreement.${extra}`;
    case "plan":
      return `${a} sets out its plan to build and rent compute over the coming years.`;
  }
}

class DealFactory {
  private readonly dealIds = new Set<string>();
  private readonly byPair = new Map<string, GenDeal[]>();
  private readonly wireSources: GenSource[];
  private sourceSeq = 0;

  constructor(private readonly rng: Rng, private readonly world: World, wireSources: GenSource[]) {
    this.wireSources = wireSources;
  }

  make(factCount: number): GenDeal {
    const { rng, world } = this;
    const type = rng.weighted(DEAL_TYPES);
    const cast = CAST[type];
    const partyCount = type === "plan" ? 1 : Math.min(cast.length, rng.weighted([[2, 55], [3, 35], [4, 10]] as const));
    const parties: GenParty[] = [];
    const groups = new Set<string>();
    for (const [role, cats] of cast.slice(0, partyCount)) {
      // Real companies are never generated takeover targets.
      const e = world.pick(cats, groups, role === "target");
      groups.add(world.group(e.id));
      parties.push({ entity: e, role });
    }

    const y = rng.weighted([[2022, 8], [2023, 14], [2024, 22], [2025, 34], [2026, 22]] as const);
    let announced = `${y}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    const pairKey = [...groups].sort().join("+");
    const earlier = this.byPair.get(pairKey) ?? [];
    const prev = earlier.length > 0 && type !== "plan" && rng.chance(0.3) ? earlier[earlier.length - 1] : undefined;
    const revises: string[] = [];
    const supersedes: string[] = [];
    if (prev) {
      announced = addMonths(prev.announced, rng.int(3, 14));
      if (announced > "2026-12-28") announced = "2026-12-28";
      if (rng.chance(0.15)) {
        supersedes.push(prev.id);
        // Data standard v2: a superseded deal says so in its status.
        prev.status = "superseded";
      } else {
        revises.push(prev.id);
        prev.status = "revised";
      }
    }

    const codename = ["data-center", "financing", "joint-venture"].includes(type) && rng.chance(0.6) ? world.codename() : undefined;
    const city = ["data-center", "financing", "joint-venture", "power", "acquisition"].includes(type) ? rng.pick(CITIES) : undefined;

    const base = `${parties.map((p) => p.entity.id.split("-")[0]).slice(0, 2).join("-")}-${announced.slice(0, 4)}`;
    let id = base;
    for (let n = 2; this.dealIds.has(id); n++) id = `${base}-${n}`;
    this.dealIds.add(id);

    const ctx: Ctx = {
      rng,
      world,
      parties,
      deal: { id, type, announced, ...(codename ? { codename } : {}), ...(city ? { city } : {}) },
    };
    const specs = this.factSpecs(ctx, factCount);
    const { sources, facts } = this.cite(ctx, specs);

    const deal: GenDeal = {
      id,
      title: titleFor(type, parties, codename, revises.length > 0),
      type,
      status: rng.weighted(STATUSES),
      announced,
      summary: summaryFor(type, parties, city),
      parties,
      revises,
      supersedes,
      sources,
      facts,
    };
    this.byPair.set(pairKey, [...earlier, deal]);
    return deal;
  }

  /** The facts of one deal: the type's plan in order, then repeat reports, disputes and updates. */
  private factSpecs(ctx: Ctx, count: number): FactSpec[] {
    const { rng } = ctx;
    const specs: FactSpec[] = [];
    for (const gen of PLANS[ctx.deal.type]) {
      if (specs.length >= count) break;
      const s = gen(ctx);
      if (s) specs.push(s);
    }
    const headline = specs[0];
    // A dispute: a rival report of the headline figure from another source.
    if (headline && headline.value !== undefined && specs.length < count && count >= 3 && rng.chance(0.1)) {
      const rival = HEADLINE[ctx.deal.type](ctx);
      if (rival && rival.value !== headline.value) {
        const group = `${ctx.deal.id}.${headline.key}`;
        headline.dispute = group;
        specs.push({ ...rival, key: `${rival.key}-rival`, dispute: group, freshSource: true });
      }
    }
    // An update: a later, larger capacity figure that supersedes the first.
    const capacity = specs.find((s) => s.metric === "capacity" && s.value !== undefined);
    if (capacity && specs.length < count && rng.chance(0.08)) {
      const upd = (capacity.unit === "GW" ? capacityGW : capacityMW)(ctx);
      if (upd && upd.value !== capacity.value) specs.push({ ...upd, key: "capacity-update", supersedes: "capacity", later: true, freshSource: true });
    }
    // Further reports of figures already held, in other words and from other sources.
    for (let i = 0; specs.length < count && i < count * 3; i++) {
      const gen = rng.chance(0.5) ? HEADLINE[ctx.deal.type] : rng.pick(PLANS[ctx.deal.type]);
      const s = gen(ctx);
      if (!s) continue;
      const same = specs.find((x) => x.metric === s.metric && x.dispute === undefined && x.value !== undefined && s.value !== undefined);
      if (same && same.value !== undefined) {
        // Same figure, other wording: copy the value and re-phrase around it.
        const { supersedes: _s, later: _l, ...copy } = same;
        specs.push({ ...copy, key: `${same.key}-report`, freshSource: true, quote: rephrase(same.quote, rng) });
      } else {
        specs.push({ ...s, key: `${s.key}-more` });
      }
    }
    return specs.slice(0, count);
  }

  /** Ids, dates and sources: one source per two to four facts, rival reports from a source of their own. */
  private cite(ctx: Ctx, specs: FactSpec[]): { sources: GenSource[]; facts: GenFact[] } {
    const { rng } = ctx;
    const sources: GenSource[] = [];
    const facts: GenFact[] = [];
    const idByKey = new Map<string, string>();
    const usedIds = new Set<string>();
    let current: GenSource | undefined;
    let left = 0;
    const newSource = (later: boolean): GenSource => {
      const [publisher, tier] = rng.pick(PUBLISHERS);
      const publishedAt = addDays(ctx.deal.announced, later ? rng.int(40, 300) : rng.int(0, 3));
      const j = this.sourceSeq++;
      const sid = `${slug(publisher)}-${publishedAt}-${ctx.deal.id}-${j.toString(36)}`;
      const title = rng.pick([
        `${first(ctx).short} and ${second(ctx).short} strike infrastructure deal`,
        `${first(ctx).short} signs deal with ${second(ctx).short}`,
        `${second(ctx).short} wins ${first(ctx).short} contract`,
        `What the ${first(ctx).short}–${second(ctx).short} agreement means for AI compute`,
      ]);
      const s: GenSource = {
        id: sid,
        title,
        publisher,
        url: `https://news.example.org/${slug(publisher)}/${publishedAt}/${ctx.deal.id}-${j.toString(36)}`,
        publishedAt,
        tier,
      };
      sources.push(s);
      return s;
    };
    for (const spec of specs) {
      let source: GenSource;
      if (!spec.later && !spec.freshSource && rng.chance(0.03)) {
        source = rng.pick(this.wireSources);
      } else {
        if (!current || left <= 0 || spec.freshSource || spec.later) {
          current = newSource(spec.later === true);
          left = rng.int(2, 4);
        }
        source = current;
        left--;
      }
      let fid = `${ctx.deal.id}.${spec.key}`;
      for (let n = 2; usedIds.has(fid); n++) fid = `${ctx.deal.id}.${spec.key}-${n}`;
      usedIds.add(fid);
      if (!idByKey.has(spec.key)) idByKey.set(spec.key, fid);
      const { key: _k, later: _l, freshSource: _f, supersedes, ...rest } = spec;
      const fact: GenFact = {
        ...rest,
        id: fid,
        asOf: spec.later ? source.publishedAt : ctx.deal.announced,
        source: source.id,
      };
      if (supersedes !== undefined) {
        const target = idByKey.get(supersedes);
        if (target !== undefined) fact.supersedes = target;
      }
      if (wordCount(fact.quote) > 30) throw new Error(`synthetic quote over 30 words: ${fact.quote}`);
      facts.push(fact);
    }
    return { sources, facts };
  }
}

/** Another wording around the same figure: the figure itself is kept verbatim. */
function rephrase(quote: string, rng: Rng): string {
  const lead = rng.pick(["According to the filing,", "People familiar with the matter said", "Analysts noted that", "The companies confirmed"]);
  const out = `${lead} ${quote}`;
  return wordCount(out) <= 30 ? out : quote;
}

// ── YAML ─────────────────────────────────────────────────────────────────────

const str = (s: string) => JSON.stringify(s);

function entitiesYaml(entities: GenEntity[], heading: string): string {
  const lines = [`# ${heading}`, "entities:"];
  for (const e of entities) {
    lines.push(`  - id: ${e.id}`, `    name: ${str(e.name)}`, `    kind: ${e.kind}`);
    if (e.aliases.length > 0) lines.push(`    aliases: [${e.aliases.map(str).join(", ")}]`);
    // Names that are common English words are matched on purpose: the standard wants them marked.
    const words = [e.name, ...e.aliases].filter((n) => isCommonWord(n));
    if (words.length > 0) lines.push(`    wordAliases: [${words.map(str).join(", ")}]`);
    if (e.parent !== undefined) lines.push(`    parent: ${e.parent}`);
    if (e.description !== undefined) lines.push(`    description: ${str(e.description)}`);
  }
  return `${lines.join("\n")}\n`;
}

function sourceLines(s: GenSource, indent: string, excerpts: ReadonlyMap<string, Set<string>>): string[] {
  const out = [`${indent}- id: ${s.id}`, `${indent}  title: ${str(s.title)}`, `${indent}  publisher: ${str(s.publisher)}`];
  if (s.url !== undefined) out.push(`${indent}  url: ${s.url}`);
  out.push(`${indent}  published: "${s.publishedAt}"`, `${indent}  tier: ${s.tier}`);
  // Every quote must come from its own source's excerpts: the excerpts are the quotes that cite it.
  const quotes = [...(excerpts.get(s.id) ?? [`${s.publisher} reported on the deal.`])];
  out.push(`${indent}  excerpts:`, ...quotes.map((q) => `${indent}    - ${str(q)}`));
  return out;
}

function dealYaml(d: GenDeal, excerpts: ReadonlyMap<string, Set<string>>, tiers: ReadonlyMap<string, string>): string {
  const vetted = d.facts.some((f) => tiers.get(f.source) !== "C");
  const lines = [
    "# Synthetic deal generated by bench/synthetic.ts.",
    `id: ${d.id}`,
    `title: ${str(d.title)}`,
    `type: ${d.type}`,
    `status: ${d.status}`,
    `announced: "${d.announced}"`,
    `sourcing: ${vetted ? "vetted" : "reported-not-vetted"}`,
    `summary: ${str(d.summary)}`,
    "parties:",
    ...d.parties.map((p) => `  - { entity: ${p.entity.id}, role: ${p.role} }`),
  ];
  if (d.revises.length > 0) lines.push(`revises: [${d.revises.join(", ")}]`);
  if (d.supersedes.length > 0) lines.push(`supersedes: [${d.supersedes.join(", ")}]`);
  if (d.sources.length > 0) {
    lines.push("sources:");
    for (const s of d.sources) lines.push(...sourceLines(s, "  ", excerpts));
  }
  lines.push("facts:");
  for (const f of d.facts) {
    lines.push(`  - id: ${f.id}`, `    metric: ${f.metric}`);
    if (f.value !== undefined) lines.push(`    value: ${f.value}`);
    lines.push(`    unit: ${f.unit}`);
    if (f.qualifier !== "none") lines.push(`    qualifier: ${str(f.qualifier)}`);
    if (f.range) lines.push(`    range: { min: ${f.range.min}, max: ${f.range.max} }`);
    if (f.date !== undefined) lines.push(`    date: "${f.date}"`);
    if (f.text !== undefined) lines.push(`    text: ${str(f.text)}`);
    if (f.subject !== undefined) lines.push(`    subject: ${f.subject}`);
    if (f.speaker !== undefined) lines.push(`    speaker: ${f.speaker}`);
    lines.push(`    asOf: "${f.asOf}"`, `    source: ${f.source}`, `    quote: ${str(f.quote)}`);
    if (f.dispute !== undefined) lines.push(`    dispute: ${f.dispute}`);
    if (f.supersedes !== undefined) lines.push(`    supersedes: ${f.supersedes}`);
  }
  return `${lines.join("\n")}\n`;
}

// ── Entry point ──────────────────────────────────────────────────────────────

/** How many generated companies a knowledge base of this many facts gets. */
export function companyCountFor(facts: number): number {
  return Math.max(30, Math.min(2500, Math.round(facts / 40)));
}

/**
 * Write a valid knowledge base of exactly `facts` facts to dir (entities/, sources/, deals/),
 * the same bytes for the same seed.
 */
export async function writeSyntheticKb(dir: string, facts: number, seed: number): Promise<void> {
  if (!Number.isInteger(facts) || facts < 1) throw new Error(`facts must be a positive integer (got ${facts})`);
  const rng = new Rng(seed);
  const world = new World(rng, companyCountFor(facts));

  const wire: GenSource[] = [2022, 2023, 2024, 2025, 2026].map((y) => ({
    id: `synthetic-wire-roundup-${y}`,
    title: `AI infrastructure deals roundup, ${y}`,
    publisher: "Synthetic Wire",
    url: `https://news.example.org/synthetic-wire/${y}/roundup`,
    publishedAt: `${y}-12-31`,
    tier: "B",
  }));

  const factory = new DealFactory(rng, world, wire);
  const deals: GenDeal[] = [];
  let remaining = facts;
  while (remaining > 0) {
    let k = Math.min(remaining, rng.int(8, 12));
    if (remaining - k > 0 && remaining - k < 3) k = remaining;
    deals.push(factory.make(k));
    remaining -= k;
  }

  await Promise.all(["entities", "sources", "deals"].map((d) => mkdir(path.join(dir, d), { recursive: true })));
  const excerpts = new Map<string, Set<string>>();
  const tiers = new Map<string, string>(wire.map((s) => [s.id, s.tier]));
  for (const d of deals) {
    for (const s of d.sources) tiers.set(s.id, s.tier);
    for (const f of d.facts) excerpts.set(f.source, (excerpts.get(f.source) ?? new Set()).add(f.quote));
  }
  // Entity files are named by what they hold (data standard v2).
  const files: Array<[string, string]> = [
    ["entities/companies.yaml", entitiesYaml(world.companies, "Synthetic companies generated by bench/synthetic.ts.")],
    ["entities/people.yaml", entitiesYaml(world.people, "Synthetic executives generated by bench/synthetic.ts.")],
  ];
  files.push(["sources/wire-roundups.yaml", `# Shared sources cited by a few facts.\nsources:\n${wire.flatMap((s) => sourceLines(s, "  ", excerpts)).join("\n")}\n`]);
  for (const d of deals) files.push([`deals/${d.id}.yaml`, dealYaml(d, excerpts, tiers)]);

  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(([rel, text]) => writeFile(path.join(dir, rel), text, "utf8")));
  }
}
