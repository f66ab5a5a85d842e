import type { Metric, Unit } from "../kb/vocabulary.js";
import { editDistance, normalize, STOPWORDS, tokenize, typoBudget } from "./text.js";

/** What a question asks for, independent of which deals it names. */
export type QuestionKind =
  | "figure"
  | "list"
  | "total"
  | "ranking"
  | "compare"
  | "quote"
  | "sources"
  | "help"
  | "greeting"
  | "empty";

export interface Intent {
  readonly kind: QuestionKind;
  /** Metrics asked for, most specific first. */
  readonly metrics: readonly Metric[];
  /** True when the only money word was generic ("how much", "worth"): could be a deal value or a valuation. */
  readonly genericMoney: boolean;
  readonly yesNo: boolean;
  readonly followUp: boolean;
  readonly mentionsDeal: boolean;
  readonly ascending: boolean;
  /** "What's the newest deal?": by announcement date rather than by size. */
  readonly recent: boolean;
  readonly dealTypes: readonly string[];
  /** Tokens after typo correction, for keyword search. */
  readonly tokens: readonly string[];
  /** Units the question points at: "how many GW" wants GW or MW. */
  readonly units: ReadonlySet<Unit>;
  /** The question asks about money ("worth", "$", "cost"), whatever else it names. */
  readonly moneyAsked: boolean;
  /** "How big is it": the value, else the capacity or the chips. */
  readonly sizeAsked: boolean;
  /** "What's it worth", "deal value": the deal's own value, named outright. */
  readonly valueAsked: boolean;
  /** Money is unmistakably what is asked: a figure in another unit does not answer it. */
  readonly strongMoney: boolean;
  /** "What does it cost", "how much is X paying": the money spent, before money invested. */
  readonly spendAsked: boolean;
}

const UNIT_CUES: ReadonlyArray<[RegExp, Unit[]]> = [
  [/\bgigawatts?\b|\bgw\b|\bmegawatts?\b|\bmw\b|\bpower\b/, ["GW", "MW", "GW/week"]],
  [/\bchips?\b|\bgpus?\b|\btpus?\b|\bprocessors?\b|\baccelerators?\b|\bsuperchips?\b|\bgb\d+s?\b|\btrainium\w*\b/, ["GPUs", "TPUs", "chips", "CPUs", "accelerators"]],
  [/\bcpus?\b/, ["CPUs"]],
  [/\bshares\b|\bwarrants?\b/, ["shares"]],
  [/\bhomes?\b|\bhouseholds?\b/, ["homes"]],
  [/\bpercent\b|%|\bpercentage\b|\bstake\b/, ["percent"]],
  [/\byears?\b|\byrs?\b|\bmonths?\b|\bhow long\b/, ["years", "months"]],
  [/\bwhens?\b|\bdate\b|\bwhat year\b|\bdeadline\b|\bdue\b/, ["date"]],
  [/\bsites?\b|\bcampus(?:es)?\b/, ["sites", "campuses"]],
];

const MONEY_METRIC_SET: ReadonlySet<Metric> = new Set(["deal-value", "investment", "funding-round", "expansion-value", "spending", "debt", "annual-value", "equity", "tranche"]);
const COUNT_METRICS: ReadonlySet<Metric> = new Set(["chip-count", "capacity", "homes-equivalent", "sites", "share-count"]);
const STRONG_MONEY = /\bworth\b|\bcosts?\b|\bprice\b|\bdollars?\b|\bpa(?:y|id|ying)\b|\bhow many \$|\$(?!\s?\d)|\bin \$|\bhow much (?:is|was|are|were|did|does|do|will)\b(?! (?:\w+ )?(?:capacity|power|compute|energy|gw|gigawatts?))/;
const MONEY_WORDS = /\bworth\b|\bcosts?\b|\bcosting\b|\bprice[ds]?\b|\bvalue[ds]?\b|\$|\bdollars?\b|\bpa(?:y|id|ying)\b|\bbillions?\b|\btrillions?\b|\bmoney\b|\bcash\b|\bhow much\b(?! (?:capacity|power|compute|energy))/;

/** Metric cues, most specific first. Each is tested against the typo-corrected question. */
const METRIC_CUES: ReadonlyArray<[Metric, RegExp]> = [
  ["cost-per-unit", /\b(?:per|each) (?:gigawatt|gw)\b|\bcost (?:of|for) (?:a|one|each) (?:gigawatt|gw)\b|\bcapital cost\b|\bcost per\b/],
  ["homes-equivalent", /\bhomes?\b|\bhouseholds?\b|\bhouses\b/],
  ["build-rate", /\b(?:per|a|every|each) week\b|\bweekly\b|\bpace\b|\bbuild rate\b|\brate of\b|\bevery week\b/],
  ["market-value", /\bmarket (?:cap|capitali[sz]ation|value|valuation)\b|\bmarket-cap\b|\bmarketcap\b|\btrillion(?:-dollar)? (?:company|club|mark)\b|\bmost valuable\b/],
  ["valuation", /\bvaluations?\b|\bvalued\b|\bvaluing\b|\bpre-money\b|\bpost-money\b/],
  ["stake", /\bstakes?\b|\bownership\b|\bown(?:s|ed)?\b|\bpercent of\b|\bhold(?:s|ing)?\b/],
  ["equity", /\bequity\b(?! (?:stake|investment))/],
  ["share-price", /\b(?:share|stock|strike|exercise) price\b|\bper (?:\w+ )?share\b|\bprice (?:per|a) share\b/],
  ["share-count", /\bwarrants?\b|\bshares\b(?! (?:jump|rose|rise|surge|soar|fell|fall|gain|climb|price))|\bnumber of shares\b/],
  ["share-move", /\b(?:stock|shares?) (?:jump|rise|rose|surge|soar|move|fall|fell|react|gain|climb|pop)\w*|\bstock market reaction\b/],
  ["backlog", /\brpo\b|\bbacklog\b|\bremaining performance\b|\bfuture contract revenue\b/],
  ["revenue", /\brevenues?\b|\brun rate\b|\bsales\b/],
  ["annual-value", /\bper year\b|\ba year\b|\bannual\w*\b|\byearly\b|\beach year\b/],
  ["chip-count", /\bchips?\b|\bgpus?\b|\btpus?\b|\bcpus?\b|\bprocessors?\b|\baccelerators?\b|\bsuperchips?\b/],
  ["capacity", /\bgigawatts?\b|\bgw\b|\bmegawatts?\b|\bmw\b|\bcapacity\b|\bpower\b|\bhow much compute\b|\benergy\b|\belectricity\b/],
  ["duration", /\bruns? (?:for|until|through)\b|\bhow many years\b.*\bruns?\b|\bhow long\b|\bduration\b|\bhow many years\b|\blength\b|\byears? long\b|\blast\b|\bterm length\b|\bover how\b/],
  ["start-date", /\bstart\w*\b|\bbegin\w*\b|\bkick\w* off\b|\bcommenc\w*\b|\bfirst phase\b/],
  ["completion-date", /\bfully deployed\b|\bfull deployment\b|\bdeploy\w*\b|\bcomplet\w*\b|\bfinish\w*\b|\bdeadline\b|\bonline\b|\bclos(?:e|es|ing)\b|\bdone\b|\bready\b|\bdeliver\w*\b|\boperational\b/],
  ["expansion-value", /\bexpanded\b|\bexpansion (?:deal|agreement|value|worth)\b|\badd(?:s|ed)? (?:another|more|on)\b/],
  ["expansion", /\bexpand\b|\bexpansion\b|\bbeyond\b|\bextend\w*\b|\bgrow\w*\b|\bscale (?:up|further)\b|\bafter 20\d\d\b/],
  ["tranche", /\btranches?\b|\binstal+ments?\b|\binitial\b|\bupfront\b|\bfirst payment\b|\bsplit\b|\bbreak ?down\b|\bbroken down\b|\bin parts\b/],
  ["funding-round", /\bfunding round\b|\bround\b|\braise[sd]?\b|\braising\b|\bfundrais\w*\b/],
  ["debt", /\bdebt\b|\bloans?\b|\bborrow\w*\b|\blend\w*\b|\bbonds?\b|\bfinanc\w*\b|\bcredit\b/],
  ["investment", /\binvest\w*\b|\bput (?:in|into)\b|\bputting (?:in|into)\b|\bpour\w*\b|\bbacking\b|\bbacked\b|\bfunded\b/],
  ["spending", /\bspend\w*\b|\bcapex\b|\bcapital expenditure\b|\bcommit\w*\b/],
  ["statement", /\bsay\b|\bsays\b|\bsaid\b|\bquotes?\b|\bquoted\b|\bcomment\w*\b|\bstated?\b|\bremarks?\b/],
  ["term", /\bright of first refusal\b|\brofr\b|\bexclusiv\w*\b|\bterms\b|\bconditions\b|\brelied\b|\brely\b|\brelying\b|\breliance\b|\bright of\b/],
  ["sites", /\bhow many (?:sites|campuses|locations|data cent(?:er|re)s)\b|\bnumber of (?:sites|campuses|locations)\b|\bwhere\b/],
  ["announcement-date", /\bwhen\b.*\bannounc\w*\b|\bannouncement date\b|\bdate\b.*\bannounc\w*|\bwhen (?:was|were|did)\b.*\b(?:sign\w*|strike|struck|agree\w*|made|reach\w*|happen\w*)\b/],
];

const GENERIC_MONEY = /\bworth\b|\bvalue\b|\bhow much\b|\bcost\w*\b|\bprice[ds]?\b|\bdollars?\b|\bsize\b|\bamount\b|\bmoney\b|\bpay\w*\b|\bhow big\b|\bhow large\b|\bbillions?\b|\btrillions?\b|\$/;

const KIND_CUES: ReadonlyArray<[QuestionKind, RegExp]> = [
  ["help", /^\/?help\b|\bwhat can you (?:do|answer)\b|\bhow do (?:i|you) use\b|^commands?$|\bwhat do you know\b/],
  ["sources", /\bsources?\b|\bcitations?\b|\bwhere (?:does|did|do|is|are) (?:this|that|it|these|those|the)\b.*\b(?:from|sourced)\b|\bwho (?:says|said) (?:so|that)\b|\bhow do you know\b|\breferences?\b|\bwho reported\b|\bwhere did you get\b|\bwhere(?:'s| is) that from\b/],
  ["compare", /\bcompar\w*\b|\bvs\.?\b|\bversus\b|\bdifference between\b|\b(?:bigger|larger|smaller) than\b|\bside by side\b|\bwhich (?:\w+ )?(?:is|was|one is) (?:bigger|larger|smaller|more)\b|\bor\b.*\bwhich\b.*\b(?:bigger|larger|smaller)\b/],
  ["total", /\btotal\w*\b|\bacross\b|\bin all\b|\baltogether\b|\bcombined\b|\bsum\b|\badd(?:ed)? up\b|\boverall\b|\bcumulative\w*\b|\ball together\b/],
  ["ranking", /\b(?:largest|biggest|most expensive|highest|smallest|lowest|cheapest|top \d+|top|rank\w*|leaderboard)\b|\b(?:the )?most (?:gigawatts|gw|capacity|chips|gpus|money|valuable|power)\b|\bhas the most\b/],
  ["list", /\bwhich (?:\w+ )?(?:companies|firms|deals|partners|providers|clouds|agreements|investors|suppliers)\b|\bwho (?:has|have|did|does|is|are)\b|\blist\b|\bwhat (?:\w+ )?deals\b|\ball (?:the |of )?(?:\w+ )?(?:deals|agreements)\b|\bwith whom\b|\bwho\b.*\bwith\b|\bpartners\b|\bhow many deals\b|\bwho (?:supplies|provides|sells|builds|finances|funds|backs|lends)\b|\bwho(?:'s| is)?\b.*\bfrom\??$|\bwho does\b|\bwho are\b/],
];

const GREETING = /^(?:hi|hello|hey|yo|hiya|thanks|thank you|good (?:morning|afternoon|evening))\b[\s!.?]*$/;
const YES_NO = /^(?:can|could|is|are|was|were|does|do|did|will|has|have|had|would|should|must)\b/;
const FOLLOW_UP = /^(?:and|also|plus|what about|how about|and what about|same for|ok and|okay and|what of)\b/;
const DEAL_WORDS = /\bdeals?\b|\bagreements?\b|\bcontracts?\b|\bpartnerships?\b|\bpact\b|\btie-up\b|\barrangement\b|\bjoint venture\b|\bjv\b/;

const DEAL_TYPE_CUES: ReadonlyArray<[RegExp, string[]]> = [
  [/\bcompute\b|\binfrastructure\b|\bcapacity\b/, ["cloud-capacity", "chips", "data-center", "power", "joint-venture"]],
  [/\bcloud\b/, ["cloud-capacity"]],
  [/\bchips?\b|\bgpus?\b|\btpus?\b/, ["chips"]],
  [/\bdata cent(?:er|re)s?\b/, ["data-center"]],
  [/\binvestments?\b|\bequity\b|\bstakes?\b|\binvested\b/, ["equity"]],
  [/\bfinancing\b|\bdebt\b|\bloans?\b/, ["financing"]],
  [/\bacquisitions?\b|\bbuyouts?\b|\btakeovers?\b/, ["acquisition"]],
];

/** Every word that a cue above is built from; typos are corrected towards these. */
const CUE_WORDS = [
  "worth", "value", "valuation", "valued", "market", "capitalization", "capitalisation", "gigawatts", "gigawatt",
  "megawatts", "capacity", "power", "duration", "start", "starts", "begin", "deployed", "deployment",
  "complete", "completion", "finish", "expand", "expansion", "investment", "invest", "invested", "stake",
  "ownership", "warrant", "shares", "revenue", "annual", "chips", "processors", "accelerators", "funding",
  "round", "financing", "debt", "spending", "commitment", "committed", "statement", "announced", "announcement",
  "compare", "comparison", "versus", "total", "altogether", "combined", "largest", "biggest", "smallest",
  "companies", "deals", "agreement", "agreements", "contract", "partnership", "partners", "sources",
  "homes", "households", "weekly", "tranche", "initial", "delivered", "operational", "exclusive",
  "much", "many", "long", "cost", "dollars", "billion", "trillion", "million", "which", "signed",
  "equity", "chip", "gpu", "gpus", "tpu", "tpus", "expanded", "spend", "deployed", "financing", "investments",
  "split", "breakdown", "price", "strike", "exercise", "years", "year", "yrs", "months", "month", "run", "runs", "last", "lasts",
];
export const KNOWN_WORDS: ReadonlySet<string> = new Set(CUE_WORDS);

/** Words common in deal titles and questions alike: they never pick out one deal by name. */
export const GENERIC_DEAL_WORDS: ReadonlySet<string> = new Set([
  ...CUE_WORDS,
  ..."lease leases cloud compute data center centre centers project joint venture supply order orders acquisition capital stock price rental renting ai infrastructure agreement deal".split(" "),
]);

/** Short question words worth correcting ("mcuh", "valu"); other four-letter words are left alone. */
const SHORT_TARGETS = ["much", "many", "value", "worth", "cost", "long"];

function correctTypos(tokens: string[]): string[] {
  return tokens.map((t) => {
    if (KNOWN_WORDS.has(t) || STOPWORDS.has(t) || /\d/.test(t)) return t;
    if (t.length === 4) return SHORT_TARGETS.find((w) => w[0] === t[0] && editDistance(t, w, 1) <= 1) ?? t;
    if (t.length < 5) return t;
    const budget = typoBudget(t.length);
    let best: { w: string; d: number } | undefined;
    for (const w of CUE_WORDS) {
      if (w[0] !== t[0]) continue;
      const d = editDistance(t, w, budget);
      if (d <= budget && (!best || d < best.d)) best = { w, d };
    }
    return best?.w ?? t;
  });
}

export function parseIntent(question: string): Intent {
  const tokens = correctTypos(tokenize(question));
  const text = ` ${tokens.join(" ")} `.replace(/\s+/g, " ");
  const raw = normalize(question).trim();
  const joined = text.trim();

  const found: Array<{ metric: Metric; at: number }> = [];
  for (const [metric, re] of METRIC_CUES) {
    const m = re.exec(text) ?? re.exec(raw);
    if (m) found.push({ metric, at: m.index });
  }
  // "committed in total" is spending; "worth" alone is a deal value or a valuation.
  // Money cues are read from the raw text ("$") and from the typo-corrected words ("mcuh" -> "much").
  const said = (re: RegExp) => re.test(raw) || re.test(joined);
  const genericMoney = found.length === 0 && said(GENERIC_MONEY);
  const moneyAsked = said(MONEY_WORDS) && !/\bhow many\b(?! \$)/.test(raw);
  let metrics = found.map((f) => f.metric);
  if (/^how many\b(?! \$)/.test(raw)) metrics = metrics.filter((m) => !MONEY_METRIC_SET.has(m));
  // "how much is the nvidia chip deal worth": the chips describe the deal; the money is what's asked.
  if (said(STRONG_MONEY)) metrics = metrics.filter((m) => !COUNT_METRICS.has(m));
  const units = new Set<Unit>(UNIT_CUES.filter(([re]) => re.test(joined) || re.test(raw)).flatMap(([, u]) => u));
  if (moneyAsked) units.add("USD");
  // "What's Microsoft's stake worth?" wants dollars, not the percentage.
  if (said(STRONG_MONEY)) for (const u of [...units]) if (u !== "USD") units.delete(u);
  if (/^(?:when|whens|by when|what date|what year|which year)\b|\bwhat (?:date|year|time)\b|\bhow soon\b/.test(raw)) {
    // "When will the AWS capacity be fully deployed?" asks for a date, not the capacity.
    const dates: Metric[] = ["start-date", "completion-date", "expansion", "announcement-date"];
    // Coming online and starting are read both ways: try the start and the completion.
    if (metrics.includes("completion-date") && !metrics.includes("start-date")) metrics.push("start-date");
    const asked = metrics.filter((m) => dates.includes(m));
    const rest = metrics.filter((m) => !dates.includes(m));
    metrics.splice(0, metrics.length, ...asked, ...rest, ...(asked.length > 0 ? [] : ["announcement-date" as Metric]));
  }
  if (genericMoney) metrics.push("deal-value");
  // "What's the value of Stargate and how many gigawatts?": the value is asked as well.
  else if (said(/\bvalue of\b|\bworth\b/) && /\band\b/.test(raw) && !metrics.includes("deal-value")) metrics.push("deal-value");
  if (found.some((f) => f.metric === "statement") && /\bsay\b.*\babout\b/.test(joined)) {
    // "what did Altman say about capacity": the statement is what's asked for.
    metrics.splice(0, metrics.length, "statement");
  }

  let kind: QuestionKind = "figure";
  if (joined.length === 0) kind = "empty";
  else if (GREETING.test(raw)) kind = "greeting";
  else {
    for (const [k, re] of KIND_CUES) {
      if (re.test(joined) || re.test(raw)) {
        kind = k;
        break;
      }
    }
  }
  if (kind === "figure" && metrics[0] === "statement") kind = "quote";

  const dealTypes = DEAL_TYPE_CUES.filter(([re]) => re.test(joined)).flatMap(([, types]) => types);
  return {
    kind,
    metrics,
    strongMoney: said(STRONG_MONEY),
    valueAsked: said(/\bworth\b|\bvalue\b/),
    sizeAsked: said(/\bhow (?:big|large|huge)\b|\bsize\b/),
    spendAsked: /\bcosts?\b|\bcosting\b|\bspend\w*\b|\bpa(?:y|id|ying)\b|\bprice\b/.test(raw),
    genericMoney,
    yesNo: YES_NO.test(raw),
    followUp: FOLLOW_UP.test(raw),
    mentionsDeal: DEAL_WORDS.test(joined),
    ascending: /\b(?:smallest|lowest|cheapest|least)\b/.test(joined),
    recent: /\b(?:newest|latest|most recent|recent|lately|oldest|earliest|first)\b.*\bdeals?\b|\bdeals?\b.*\b(?:recently|lately)\b|^(?:newest|latest)\b|\b(?:newest|latest|oldest|earliest) (?:one|deal)\b/.test(joined),
    dealTypes: [...new Set(dealTypes)],
    tokens,
    units,
    moneyAsked,
  };
}
