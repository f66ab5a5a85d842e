import type { Metric, Unit } from "../../kb/vocabulary.js";

/**
 * Every word list the question reader uses, in one place. Phrases are written as people write
 * them and compiled to lemmas (lemmas.ts), so one entry covers "deploy", "deploying" and
 * "deployed". A concept is listed once: add a synonym here, never a rule for one phrasing.
 */

/** What relation between parties the question asks about. */
export type Relation = "invest" | "acquire" | "pay" | "supply" | "lease" | "lend" | "cancel" | "pledge" | "partner" | "value";

export const RELATION_CUES: Readonly<Record<Relation, readonly string[]>> = {
  acquire: ["acquire", "acquisition", "buy", "buyout", "purchase", "take over", "takeover", "merge", "merger", "absorb", "snap up", "swallow"],
  invest: ["invest", "investment", "investor", "put money", "pour", "inject", "back", "fund", "bankroll", "stake in", "equity in"],
  pay: ["pay", "payment", "spend", "shell out", "fork out", "cough up", "commit", "commitment", "cost", "wire", "transfer", "hand over"],
  supply: ["supply", "supplier", "provide", "provider", "sell", "deliver", "deploy", "install", "put in", "roll out", "ship", "give", "furnish", "build for", "host"],
  lease: ["lease", "rent", "tenant", "landlord", "lessee"],
  lend: ["lend", "lender", "loan to", "borrow", "borrower", "bankroll"],
  cancel: ["cancel", "scrap", "drop", "abandon", "collapse", "pull out", "pull", "withdraw", "back out", "walk away", "kill", "terminate", "fall through", "call off", "dead", "axe", "nix", "shelve", "off", "fall apart", "still on", "vote down", "reject", "block"],
  pledge: ["pledge", "promise", "vow", "capex", "capital expenditure", "capital spending", "guidance"],
  partner: ["partner", "partnership", "team up", "tie up", "collaborate", "alliance", "joint venture", "jv"],
  value: ["worth", "value", "price tag", "size"],
};

/** Quantities: what kind of figure is asked for. Each lists the metrics that answer it, best first. */
export type Quantity =
  | "money" | "value" | "monthly" | "annual" | "investment" | "valuation" | "market-value" | "stake" | "shares"
  | "share-price" | "share-move" | "capacity" | "chips" | "servers" | "duration" | "start" | "completion"
  | "announced" | "revenue" | "backlog" | "debt" | "bond-orders" | "interest" | "spending" | "pledge"
  | "jobs" | "land" | "homes" | "sites" | "buildings" | "cost-per-unit" | "backstop" | "prepayment" | "statement"
  | "expansion" | "build-rate" | "growth" | "size" | "count" | "term" | "location" | "floor-area" | "aum";

export interface QuantitySpec {
  readonly cues: readonly string[];
  readonly metrics: readonly Metric[];
  readonly units?: readonly Unit[];
  /** Named outright: another metric is never given as the answer. "money" and "value" are not precise. */
  readonly precise: boolean;
}

const MONEY: readonly Metric[] = ["deal-value", "investment", "funding-round", "spending", "capex-pledge", "debt", "expansion-value", "annual-value", "monthly-value", "equity", "tranche", "stake-value", "valuation", "market-value"] as Metric[];
const CURRENCIES: readonly Unit[] = ["USD", "GBP", "AUD", "EUR"] as Unit[];

/** Ordered: the first quantity whose cue appears wins, so specific ones come before generic ones. */
export const QUANTITIES: ReadonlyArray<readonly [Quantity, QuantitySpec]> = [
  ["term", { cues: ["which chip", "what chip", "which gpu", "what gpu", "what kind", "what type", "which model", "what model", "what product", "which product", "what name", "the name", "what sort", "which kind", "which type", "rating"], metrics: ["term", "chip-count"] as Metric[], precise: true }],
  ["homes", { cues: ["home", "household", "house"], metrics: ["homes-equivalent"], precise: true }],
  ["build-rate", { cues: ["per week", "a week", "every week", "weekly", "build rate", "pace"], metrics: ["build-rate"], precise: true }],
  ["market-value", { cues: ["market cap", "market value", "market capitalization", "market capitalisation", "marketcap", "mkt cap", "most valuable"], metrics: ["market-value"], precise: true }],
  ["valuation", { cues: ["valuation", "value at", "pre money", "post money", "valued"], metrics: ["valuation"], precise: true }],
  ["share-move", { cues: ["stock jump", "share jump", "stock rise", "share rise", "stock surge", "share surge", "stock soar", "share soar", "stock fall", "share fall", "stock move", "stock react", "share price move", "stock pop", "stock climb", "share climb", "stock go up", "stock drop", "share drop", "jump", "surge", "soar", "rally", "tank", "pop", "spike", "plunge", "close up", "closed up", "close higher", "close down", "share move", "stock reaction", "market reaction"], metrics: ["share-move"], precise: true }],
  ["share-price", { cues: ["share price", "stock price", "strike price", "exercise price", "per share", "a share", "each share"], metrics: ["price-per-share", "share-price"] as Metric[], precise: true }],
  ["cost-per-unit", { cues: ["per gigawatt", "per gw", "cost per", "each gigawatt", "a gigawatt cost", "price per", "per chip", "per gpu", "per tpu", "per server", "unit price", "unit cost", "price of each", "cost of each", "each gw cost", "gw cost"], metrics: ["cost-per-unit"], precise: true }],
  ["stake", { cues: ["stake", "ownership", "own", "percent", "percentage", "%", "hold", "holding", "share of"], metrics: ["stake", "stake-value"] as Metric[], precise: true }],
  ["shares", { cues: ["warrant", "how many share", "number of share", "share count", "shares"], metrics: ["share-count"], precise: true }],
  ["aum", { cues: ["assets under management", "aum", "under management", "money under management", "how much do manage", "how much does manage", "manage"], metrics: ["assets-under-management"] as Metric[], precise: true }],
  ["backlog", { cues: ["backlog", "rpo", "remaining performance", "contracted revenue"], metrics: ["backlog"], precise: true }],
  ["growth", { cues: ["growth", "grow by", "increase by", "year over year", "yoy", "grow year"], metrics: ["growth"] as Metric[], precise: true }],
  ["revenue", { cues: ["revenue", "sales", "run rate", "turnover", "income", "noi", "net operating income"], metrics: ["revenue"], precise: true }],
  ["monthly", { cues: ["a month", "per month", "monthly", "each month", "every month"], metrics: ["monthly-value"] as Metric[], precise: true }],
  ["annual", { cues: ["a year", "per year", "annual", "annually", "yearly", "each year", "every year", "per annum"], metrics: ["annual-value", "spending"], precise: true }],
  ["servers", { cues: ["server", "rack", "system"], metrics: ["server-count", "chip-count"] as Metric[], precise: true }],
  ["chips", { cues: ["chip", "gpu", "tpu", "cpu", "processor", "accelerator", "superchip", "blackwell", "gb200", "gb300", "mi450", "trainium", "h100", "h200", "b200", "vera rubin", "rubin", "card"], metrics: ["chip-count", "server-count"] as Metric[], precise: true }],
  ["capacity", { cues: ["gigawatt", "gw", "gig", "gigs", "megawatt", "mw", "mwe", "capacity", "power", "electricity", "energy", "how much compute", "watt"], metrics: ["capacity"], units: ["GW", "MW"], precise: true }],
  ["jobs", { cues: ["job", "employee", "worker", "hire", "staff", "employment", "headcount", "how many people", "how many person"], metrics: ["jobs"] as Metric[], precise: true }],
  ["floor-area", { cues: ["square feet", "square foot", "square footage", "sq ft", "sqft", "floor space", "floor area", "floorspace"], metrics: ["floor-area"] as Metric[], precise: true }],
  ["land", { cues: ["acre", "land", "hectare", "footprint"], metrics: ["land-area"] as Metric[], precise: true }],
  ["buildings", { cues: ["building"], metrics: ["buildings", "sites"] as Metric[], precise: true }],
  ["sites", { cues: ["how many site", "how many campus", "how many location", "how many data center", "number of site", "number of campus"], metrics: ["sites", "buildings"] as Metric[], precise: true }],
  ["duration", { cues: ["how long", "duration", "how many year", "time frame", "timeframe", "over what period", "horizon", "over what time", "length", "term of", "last", "run for", "run through", "run until", "over how many", "year long", "multi year", "tenor"], metrics: ["duration"], units: ["years", "months"], precise: true }],
  ["start", { cues: ["start", "begin", "kick off", "commence", "go live", "first delivery", "come online", "switch on", "online", "back online", "restart", "break ground", "groundbreaking", "be live", "go online", "open", "first power", "deliveries"], metrics: ["start-date", "completion-date"] as Metric[], precise: true }],
  ["completion", { cues: ["fully deploy", "full deployment", "complete", "completion", "finish", "deadline", "online by", "operational", "ready", "close", "closing", "deliver by", "by when", "done by", "wrap up", "mature", "maturity", "expire", "end", "run until", "run through", "last until"], metrics: ["completion-date", "closing-date", "duration"] as Metric[], precise: true }],
  ["announced", { cues: ["announce", "announcement", "unveil", "sign", "strike", "ink", "agree", "make public", "reveal", "first report", "happen"], metrics: ["announcement-date"], precise: true }],
  ["bond-orders", { cues: ["order book", "orderbook", "orders", "demand for the bond", "oversubscribe", "how much demand", "investor demand", "peak demand"], metrics: ["bond-orders"] as Metric[], precise: true }],
  ["interest", { cues: ["interest rate", "yield", "coupon", "rate on"], metrics: ["interest-rate"] as Metric[], precise: true }],
  ["backstop", { cues: ["backstop", "guarantee", "guarantor"], metrics: ["backstop"] as Metric[], precise: true }],
  ["prepayment", { cues: ["prepayment", "prepay", "upfront payment", "pay upfront", "advance payment"], metrics: ["prepayment"] as Metric[], precise: true }],
  ["statement", { cues: ["say", "quote", "comment", "state", "remark", "word"], metrics: ["statement"], precise: true }],
  ["expansion", { cues: ["expand", "expansion", "extend", "extension", "option to", "scale up", "room to grow", "beyond"], metrics: ["expansion", "expansion-value"], precise: false }],
  ["debt", { cues: ["debt", "loan", "lend", "borrow", "bond", "credit", "notes", "financing", "finance", "raise debt"], metrics: ["debt", "equity"], units: CURRENCIES, precise: false }],
  ["pledge", { cues: ["pledge", "capex", "capital expenditure", "capital spending", "promise", "vow", "guidance", "plan to spend", "plan to invest"], metrics: ["capex-pledge", "spending"] as Metric[], units: CURRENCIES, precise: false }],
  ["investment", { cues: ["invest", "investment", "put in", "put into", "pour", "inject", "back", "fund", "funding round", "round", "raise", "raising", "tranche", "chip in", "sink into", "sunk into", "sink in", "sunk in"], metrics: ["investment", "funding-round", "tranche", "equity", "stake-value", "capex-pledge", "spending", "debt", "deal-value"] as Metric[], units: CURRENCIES, precise: false }],
  ["spending", { cues: ["spend", "spending", "commit", "commitment", "pay", "shell out", "fork out", "cough up", "purchase"], metrics: ["spending", "deal-value", "capex-pledge", "investment"] as Metric[], units: CURRENCIES, precise: false }],
  ["size", { cues: ["how big", "how large", "size", "how much of", "scale", "magnitude"], metrics: [...MONEY, "capacity", "chip-count", "server-count"] as Metric[], precise: false }],
  ["value", { cues: ["worth", "value", "price tag", "price", "cost", "dollar", "how much money", "$", "amount", "how much", "billion", "trillion", "bn"], metrics: MONEY, units: CURRENCIES, precise: false }],
  ["count", { cues: ["how many", "number of", "count"], metrics: ["chip-count", "server-count", "sites", "buildings", "jobs", "homes-equivalent", "share-count"] as Metric[], precise: true }],
  ["location", { cues: ["where", "which site", "what site", "location", "located", "which state", "which city", "which country", "what city", "what state"], metrics: [], precise: true }],
];

/** What a company itself is worth: its market value, or a private company's valuation. */
export const COMPANY_WORTH: QuantitySpec = { cues: [], metrics: ["market-value", "valuation"] as Metric[], precise: true };

/** The kind of answer wanted. */
export type AnswerKind = "figure" | "list" | "who" | "total" | "rank" | "compare" | "status" | "when" | "sources" | "help" | "greeting" | "overview";

export const KIND_CUES: ReadonlyArray<readonly [AnswerKind, readonly string[]]> = [
  ["sources", ["source", "citation", "cite", "where do you get", "where did you get", "where is that from", "who report", "who first report", "who say so", "who broke", "break the story", "break the news", "broke the story", "broke the news", "first reported by", "which outlet", "what outlet", "which publication", "what publication", "scoop", "link", "reference", "how do you know", "proof"]],
  ["help", ["help", "what can you do", "what can you answer", "how do i use", "what do you know", "commands"]],
  ["compare", ["compare", "comparison", "vs", "versus", "difference between", "bigger than", "larger than", "smaller than", "side by side", "which is big", "which is large", "which one is", "stack up", "than the"]],
  ["total", ["total", "altogether", "combined", "in all", "sum", "add up", "overall", "cumulative", "all together", "together", "so far", "aggregate", "in aggregate", "all in"]],
  ["rank", ["big", "large", "most", "top", "high", "small", "low", "long", "short", "new", "late", "old", "early", "rank", "ranking", "cheap", "expensive", "record", "leaderboard"]],
  ["list", ["list", "which deal", "what deal", "which company", "what company", "which partner", "which investor", "all deal", "all the deal", "deals with", "how many deal", "any deal", "every deal", "deals involving", "other deal", "name the deal", "show me the deal", "deal has", "deals does", "deals did", "their deal"]],
  ["who", ["who", "which firm", "which bank", "which lender", "which investor", "party", "parties", "counterparty", "involved", "behind", "backer"]],
  ["status", ["still on", "status", "pending", "done or", "all done", "done deal", "end up", "actually happen", "rumor", "rumour", "closed", "went through", "fell through", "collapse", "fall apart", "legit", "binding", "finalize", "finalise", "go ahead", "go through", "happen", "did it close", "is it done", "alive", "dead", "off", "cancel", "scrap", "complete", "approve", "approval", "official", "confirm", "real", "vote", "stand"]],
  ["when", ["when", "what date", "what year", "what month", "which year", "which month", "what day", "how soon", "timeline", "timing"]],
  ["overview", ["tell me about", "what is the", "what about", "explain", "describe", "summary", "summarize", "summarise", "overview", "detail", "info on", "anything on", "know about", "rundown", "lowdown", "what happen"]],
];

/** Requests the bot refuses whatever they name. Matched on lower-cased text. */
export const ADVICE = /\b(?:should (?:i|we) (?:buy|sell|invest|get|hold|short|dump|ditch|offload|unload|trim|load up|add to|pile into|put (?:my|our|some|all|money)|bet|go all in|move my)|(?:my|our) (?:savings|retirement|401k|money|portfolio) (?:in|into|on)\b|(?:buy|sell|hold|short)(?: or (?:buy|sell|hold))? (?:the )?(?:stock|shares?)\b|good (?:investment|buy|stock)|worth (?:buying|investing)|is (?:\w+ )?an? (?:buy|sell|short|long|hold)\b|price target|stock tip|financial advice|investment advice|recommend(?:ation)? .*(?:stock|invest)|(?:stock|shares?) (?:a good|worth)|should (?:i|we) (?:be )?(?:long|short)|make money on|portfolio|go long|undervalued|overvalued)\b/;
/** Yes/no questions about the future ("will X be back in 2028", "is it gonna get signed") are predictions. */
export const FUTURE_YES_NO = /^(?:will|would|is|are|does|do|can|could)\b.*\b(?:will|gonna|going to|ever|eventually|by year end|before year end|next year|in the future|really be|get (?:signed|built|done|approved))\b|^(?:will|gonna)\b|\bwhat will\b.*\b(?:trade|be worth|cost|hit|reach|price)\b/;
export const OFF_TOPIC = /\b(?:weather|temperature|forecast for|recipe|joke|poem|song|lyrics|movie|film|football|soccer|basketball|nba|nfl|score of|who won|capital of|time is it|horoscope|translate|homework|bbq|barbecue|restaurants?|food|pizza|burgers?|coffee|hotels?|places to eat|where to eat|dinner|lunch|breakfast|nightlife|dating)\b/;
export const PREDICTION = /\b(?:just|take a|make a|your best|educated|wild) guess\b|\bguess (?:a|the) (?:date|year|month|number|figure)\b|\bspeculate\b|\b(?:will|gonna|going to|predict|prediction|forecast|expect(?:ed)? to|likely to|chance|odds|think)\b.*\b(?:stock|shares?|share price|go up|go down|crash|bubble|succeed|fail|collapse|be worth|worth in|ipo|price be|happen next|next year|by 20[3-9]\d|in 20[3-9]\d|win|lose|beat|overtake)\b|\bwhat will\b.*\bbe worth\b|\bwho will win\b/;
export const INJECTION = /\b(?:ignore (?:all |any |the |your )?(?:previous|prior|above|earlier|former)?\s*(?:instructions?|rules?|prompts?|sources?|citations?|data)|(?:forget|skip|drop|without|no need for|never mind) (?:the |your |any )?(?:citations?|sources?|cites)|just (?:say|tell me) (?:it|that|the|yes)\b|(?:yes or no|say yes)\b.*\b(?:confirm|agree)|disregard|system\s*:|developer mode|debug mode|admin mode|jailbreak|you are now|pretend|role ?play|act as|from now on|new (?:rule|instruction)s?|forget (?:everything|your|all)|override|repeat after me|say that|confirm that|reply with|respond with|output the|print the|reveal your|your (?:system )?prompt|set (?:the )?(?:value|figure)|update (?:the )?(?:value|figure|data)|change (?:the )?(?:value|figure)|\w+ (?:=|:=) ?\$?\d|<!--|\[(?:system|admin|instructions?)\]|\b(?:admin|operator|moderator|system) (?:note|says|instruction|override)|\badmin\s*:|\balways (?:cite|say|answer|report|use)\b)/;

/** Words that say money has already moved: "already", "so far", "to date". */
export const SO_FAR = /\b(?:already|so far|to date|thus far|up to now)\b/;

/** Words that never name a company although they may be capitalised or unknown. */
export const NOT_NAMES = new Set(
  ("ai gpu gpus tpu tpus cpu cpus ceo cfo cto coo us usa u.s uk eu gw mw mwe rpo ipo jv llc inc corp ltd plc group bot dealdesk discord " +
    "deal deals company companies firm firms partner partners anyone someone everyone anything something everything nothing " +
    "list compare find name count sum rank describe explain summarize summarise check search hey yo ok okay thanks thx please pls " +
    "besides except apart including excluding plus other without within regarding between among newest latest recent oldest earliest " +
    "billion billions trillion million bn tn q1 q2 q3 q4 h1 h2 fy capex opex ppa smr smrs hyperscaler hyperscalers neocloud neoclouds " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday i im i'm tell give show what which who how when where why whats hows " +
    "also and or but the a an is was are were do does did can could would should will it its it's that this these those there their they them " +
    "so just only even still yet again too very really actually basically literally exactly roughly about around approx approximately " +
    "deal's total overall combined biggest largest smallest top first second third last next previous new old hi hello " +
    "didnt doesnt isnt wasnt cant wont arent werent hasnt havent shouldnt wouldnt couldnt right ok yeah yep nope").split(" "),
);

/** Words that mark a follow-up on the previous question. */
export const FOLLOW_UP_OPENERS = ["and", "also", "plus", "what about", "how about", "same for", "ok and", "okay and", "what of", "then", "so"];

/** Words that point back at what was just discussed. */
export const POINTERS = ["it", "that", "this", "that deal", "this deal", "the deal", "them", "they", "those", "these", "the same", "its", "their"];

/** Deal-type words in a question. */
export const DEAL_TYPE_CUES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [["power deal", "power purchase", "ppa", "nuclear", "reactor", "smr", "energy deal", "electricity deal", "hydro", "fuel cell", "gas plant"], ["power"]],
  [["cloud deal", "cloud contract", "cloud agreement", "compute deal", "compute contract"], ["cloud-capacity"]],
  [["chip deal", "gpu deal", "chip agreement", "chip supply"], ["chips"]],
  [["acquisition", "takeover", "buyout", "merger", "acquire", "buy"], ["acquisition"]],
  [["bond", "loan", "debt", "financing", "credit facility"], ["financing"]],
  [["lease", "leasing", "rent"], ["lease", "data-center"]],
  [["pledge", "capex", "capital expenditure", "investment plan", "spending plan"], ["capex-pledge", "plan"]],
  [["sovereign", "country", "national", "government", "nation"], ["sovereign-programme"]],
  [["licence", "license", "licensing"], ["licensing"]],
  [["joint venture", "jv"], ["joint-venture"]],
  [["data center deal", "data centre deal", "campus"], ["data-center", "lease"]],
  [["equity", "stake", "investment"], ["equity"]],
];

/** Verbs of a deal's standing ("signed", "closed", "went through"): a yes/no with one asks whether the deal happened. */
export const STANDING = /\b(?:sign(?:s|ed)?|clos(?:e|es|ed)|complet\w*|finali[sz]\w*|finished|went through|gone through|(?:got|was|been) approved|inked|sealed|done deal|official(?:ly)?)\b/;

/** A question word: a part of a question with one asks something of its own. */
export const QUESTION_WORD = /\b(?:how|what|whats|when|which|who|whos|where|why)\b/;
