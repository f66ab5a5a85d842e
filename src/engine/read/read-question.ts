import type { Unit } from "../../kb/vocabulary.js";
import type { Metric } from "../../kb/vocabulary.js";
import type { EntityMention } from "../entity-matcher.js";
import { normalize, STOPWORDS } from "../text.js";
import { COMPILED_DEAL_TYPES, COMPILED_QUANTITIES, CUE_VOCABULARY, findAny, type Forms, hasAny, isCueWord, RELATIONS, type Phrase } from "./cues.js";
import { readWords, type Word } from "./lemmas.js";
import { ADVICE, COMPANY_WORTH, SO_FAR, FUTURE_YES_NO, INJECTION, OFF_TOPIC, PREDICTION, QUESTION_WORD, STANDING, type AnswerKind, type Quantity, type Relation } from "./lexicon.js";
import type { AlsoAsked, NamedEntity, Premise, StructuredQuery } from "./query.js";
import { unknownNames } from "./unknown-names.js";
import { readQuantity, WHEN } from "./quantity.js";
import { clauseAsks as asksOf, clauseReading, clausesOf, leadFirst } from "./clauses.js";
import { readKind, YES_NO } from "./kind.js";
import { isIncidental, specificWords } from "./specific-words.js";
import { monthsOf, phaseOf, statedFigures, withAddition } from "./figures-and-times.js";

/** What reading needs from the knowledge base: who is known, and which words the data uses. */
export interface ReaderKnowledge {
  recognise(question: string): EntityMention[];
  entityKind(id: string): string;
  hasDeals(group: string): boolean;
  /** Words of the data (titles, names, places): never typo-corrected, never unknown names. */
  readonly dataWords: ReadonlySet<string>;
  /** How many deals use a word in their title, summary or figure wording. */
  dealsUsing(word: string): number;
  /** Both words are written capitalised in the same few deals: together they may be a name ("Lake Mariner"). */
  properPair(a: string, b: string): boolean;
  /** For a person, the company they speak for ("jensen" -> Nvidia); undefined for anyone else. */
  speaksFor?(id: string): { readonly id: string; readonly group: string } | undefined;
}

const WH_START = /^(?:(?:and|so|but|ok|okay|also|then|wait|hey|yo)[, ]+)?(?:what|whats|what's|how|when|which|who|whos|who's|where|why|list|show|give|tell|compare)\b/;
const FOLLOW_UP = /^(?:and|also|plus|what about|how about|and what about|same for|ok|okay|what of|then|so|but|now|what else|anything else)\b/;
const POINTER = /\b(?:it|its|that|this|those|these|them|they|their|the same|said deal)\b/;
const DEAL_WORD = /\b(?:deals?|agreements?|contracts?|partnerships?|pacts?|tie-?ups?|arrangements?|joint ventures?|jvs?|acquisitions?|mergers?|investments?|leases?|pledges?|bonds?|loans?)\b/;
const ASCENDING = /\b(?:smallest|lowest|least|shortest|oldest|earliest|cheapest)\b/;
const BY_DATE = /\b(?:newest|latest|most recent|oldest|earliest|first deal|recent deals?)\b/;
const YEAR = /\b(20[1-4]\d)\b/g;
const THRESHOLD = /\b(?:over|above|more than|bigger than|larger than|at least|exceeding|greater than|north of|>)\s*\$?\s?\d/;

/** Read a question into a structured query. Pure: the same knowledge and text give the same query. */
export function readQuestion(knowledge: ReaderKnowledge, question: string): StructuredQuery {
  const lower = normalize(question).replace(/\s+/g, " ").trim();
  const words = readWords(question, CUE_VOCABULARY, knowledge.dataWords);
  const lemmas: Forms = words.map((w) => w.forms);
  const mentions = knowledge.recognise(question);
  const entities: NamedEntity[] = mentions.map((m) => ({
    id: m.entityId,
    group: m.group,
    hasDeals: knowledge.hasDeals(m.group),
    kind: knowledge.entityKind(m.entityId),
    position: m.position,
    text: m.text,
    ...(isIncidental(lower, m.text, knowledge.entityKind(m.entityId)) ? { incidental: true } : {}),
  }));
  // "jensen's groq deal", "zuck's gcp deal": a chief executive named for the company they speak for.
  for (const e of [...entities]) {
    const company = e.kind === "person" && !e.hasDeals ? knowledge.speaksFor?.(e.id) : undefined;
    if (company && knowledge.hasDeals(company.group) && !entities.some((x) => x.group === company.group)) {
      entities.push({ id: company.id, group: company.group, hasDeals: true, kind: knowledge.entityKind(company.id), position: e.position, text: e.text });
    }
  }
  const nameWords = new Set(mentions.flatMap((m) => m.text.split(" ")));
  // A cue word inside a company's name is no cue: "Bloom Energy" asks for no energy figure.
  const multiWordNames = new Set(mentions.filter((m) => m.text.includes(" ")).flatMap((m) => m.text.split(" ")));
  const cueLemmas: Forms = lemmas.map((f, i) => (multiWordNames.has(words[i]?.raw ?? "") ? new Set<string>() : f));
  // ... nor a word of the question's shape: "buy energy capital partners" buys a company, not energy.
  const withoutNames = mentions.filter((m) => m.text.includes(" ")).reduce((text, m) => text.split(m.text.toLowerCase()).join(" company "), lower);
  let { relation, relationAt } = readRelation(cueLemmas, withoutNames);
  let { quantity, spec } = readQuantity(cueLemmas, lower, words);
  const figuresStated = statedFigures(lower);
  // "google owns 51% of terawulf now?": a statement with a figure, asked with a question mark, asks to confirm it.
  // ... or with a year ("the openai aws deal was signed in 2024?").
  const yesNo = YES_NO.test(lower) || (/\?\s*$/.test(lower) && !WH_START.test(lower) && (figuresStated.length > 0 || /\b20[1-4]\d\b/.test(lower)));
  let kind = readKind(lemmas, lower, quantity);
  // "how much capacity does it bring online, and by when": a multi-part question is led by its first part
  // that asks something ("wait google is renting gpus from spacex?? how much": the "how much").
  // "…, not the whole campus": a part set aside is not asked.
  const [firstClause, ...later] = leadFirst(clausesOf(lower)).filter((c, i) => i === 0 || !/^\W*(?:but |and )?not\b/.test(c));
  // A company's name is no cue in any part either (see withoutNames).
  const names = mentions.filter((m) => m.text.includes(" ")).map((m) => m.text.toLowerCase());
  const clauseAsks = (c: string) => asksOf(c, names);
  // Only when a later part asks for something other than the first part ("how much n how long", "how many GW by when").
  const first = later.length > 0 && firstClause !== undefined ? clauseReading(firstClause, names) : null;
  const lead = first !== null && first.quantity !== null && later.some((c) => { const a = clauseAsks(c); return a !== null && a !== first.quantity; }) ? first : null;
  // A comparison or collection is read from the whole question ("who pays spacex more, google or anthropic").
  // ... except a total whose later part is a question of its own ("google's total backstop, and what stake does goog have").
  if (lead !== null && lead.quantity !== null && (!["compare", "rank", "total", "list"].includes(kind) || (kind === "total" && later.some((c) => QUESTION_WORD.test(c))))) {
    ({ quantity, spec } = lead);
    kind = readKind(lead.forms, firstClause!, quantity);
  }
  if (asksCompanyWorth(entities, lower, quantity, relation, kind)) ({ quantity, spec } = { quantity: "market-value", spec: COMPANY_WORTH });
  // "msft ended up with 49% of openai?": a figure stated in a unit the cue's quantity never takes names what
  // is asked (a year stated is a claim of its own for a date quantity: "5 GW online by 2030?").
  const byUnit = yesNo && !WHEN.test(lower) && !/\b20[1-4]\d\b/.test(lower) && !/\$(?!\s?\d)|\bhow (?:much|many)\b|\bworth\b/.test(lower) ? quantityOfStated(figuresStated, quantity) : null;
  if (byUnit !== null) ({ quantity, spec } = { quantity: byUnit, spec: COMPILED_QUANTITIES.find(([x]) => x === byUnit)![1] });
  // "intel sold 20% of itself to the government": a stake sold is equity taken, not a supply.
  if (relation === "supply" && (quantity === "stake" || quantity === "shares") && /\b(?:sell|sells|sold|selling)\b/.test(lower)) ({ relation, relationAt } = { relation: null, relationAt: -1 });
  // "Did they actually sign it?", "is it binding?": a yes/no about the deal's standing.
  if (yesNo && kind === "figure" && (quantity === null || quantity === "announced") && figuresStated.length === 0 && (relation === null || relation === "cancel" || relation === "partner" || relation === "value")) kind = "status";
  // "meta signed the oracle cloud deal for 20 billion?", "the merger closed last year didn't it": whether it happened is asked.
  if (yesNo && kind === "figure" && STANDING.test(lower) && (quantity === null || ["announced", "completion", "start", "value", "money", "size"].includes(quantity)) && relation !== "cancel") kind = "status";

  // "firm value vs the max": two figures of one deal set side by side, not two deals compared.
  const versus = /\s(?:vs\.?|versus)\s+(.*)$/.exec(lower);
  if (kind === "compare" && versus !== null && PART_WORDS.test(versus[1]!) && !mentions.some((m) => versus[1]!.includes(m.text.toLowerCase()))) kind = "figure";
  // Later parts asking the same kind of figure, told apart by a part or a figure's own name; the
  // part that leads is answered on its own words too ("equity/debt split": the equity, then the debt).
  // A part with no question word of its own ("the max if they take the contingent capacity") names a figure, whatever nouns it has.
  const laterParts = kind === "figure" && quantity !== null ? later.filter((c) => { const a = clauseAsks(c); return ((a === null || a === quantity) && PART_WORDS.test(c)) || (!QUESTION_WORD.test(c) && PART_START.test(c)); }) : [];
  const alsoAsked = [...new Set(later.filter((c) => !laterParts.includes(c)).map((c) => clauseAsks(c)).filter((x): x is AlsoAsked => x !== null && x !== quantity && !(x === "parties" && kind === "who")))];
  const parts = laterParts.length > 0 && firstClause !== undefined ? [firstClause, ...laterParts] : [];
  const figures = figuresStated;
  // "msft put up to 10b into anthropic": money put in, read as investing, so the figure is checked as the actor's.
  const premiseRelation: Relation | null = relation ?? (quantity === "investment" && figures.length > 0 && yesNo ? "invest" : null);
  const premiseAt = relation !== null ? relationAt : premiseRelation !== null ? findAny(cueLemmas, COMPILED_QUANTITIES.find(([x]) => x === "investment")![2]) : -1;
  const parties = actorAndTarget(entities, words, premiseAt, premiseRelation);
  // "meta holds 80% of hyperion, yeah?": a stated share is claimed as the holder's, who comes right before the verb of owning.
  const holder = (parties.actor === null || premiseRelation === "partner" || premiseRelation === "value") && figures.some((f) => f.unit === "percent") ? holderNamed(entities, lower) : null;
  const premise: Premise = { relation: premiseRelation, ...parties, ...(holder !== null ? { actor: holder } : {}), figures };
  const years = [...new Set([...lower.matchAll(YEAR)].map((m) => Number(m[1])))];
  const dealTypes = [...new Set(COMPILED_DEAL_TYPES.filter(([cues]) => hasAny(lemmas, cues)).flatMap(([, types]) => types))];
  const keywords = words
    .filter((w) => !STOPWORDS.has(w.raw) && !isCueWord(w.forms) && !nameWords.has(w.raw) && w.raw.length > 2 && !/^\$?\d/.test(w.raw))
    .map((w) => w.lemma);
  const specifics = specificWords(words, mentions, knowledge, nameWords);
  const limitMatch = /\btop (\d{1,2})\b|\b(\d{1,2}) (?:biggest|largest|top|most|newest|latest|smallest)\b/.exec(lower);
  const threshold = THRESHOLD.test(lower) ? (figures.find((f) => f.unit === "USD")?.value ?? null) : null;
  // "deals over $100 billion", "which of them are bigger than $50B": the deals past a line, not one figure.
  if (threshold !== null && !yesNo && kind !== "total" && /\b(?:deals|agreements|contracts|investments|which|any|list|show|what are)\b/.test(lower)) kind = "list";
  return {
    text: question,
    lower,
    lemmas: words.map((w) => w.lemma),
    keywords,
    specifics,
    entities,
    unknownNames: unknownNames(question, mentions, knowledge.dataWords),
    relation,
    quantity,
    metrics: movedSoFar(physicalFirst(withAddition(spec?.metrics ?? [], phaseOf(lower)), quantity, lower), lower),
    alsoAsked: alsoAsked.slice(0, 2),
    parts: parts.slice(0, 3),
    units: currencyAsked(lower, spec?.units ?? []),
    precise: spec?.precise ?? false,
    kind,
    refusal: refusalOf(lower),
    years,
    months: monthsOf(lower),
    // With parts, each part brings its own phase: the first asks the whole ("how many MW, and the first phase?").
    phase: parts.length > 0 && firstClause !== undefined ? phaseOf(firstClause) : phaseOf(lower),
    dealTypes,
    premise,
    yesNo,
    followUp: FOLLOW_UP.test(lower) || (words.length <= 3 && entities.length === 0),
    pointsBack: POINTER.test(lower),
    ascending: ASCENDING.test(lower),
    byDate: BY_DATE.test(lower),
    limit: limitMatch ? Number(limitMatch[1] ?? limitMatch[2]) : null,
    mentionsDeal: DEAL_WORD.test(lower),
    threshold,
  };
}

/**
 * "How much is Nvidia worth?", "what is microsoft worth vs amazon": the worth of a company itself
 * (its market value, or a private company's valuation), not of one of its deals. Only when no deal
 * is named and the names are companies: one of them, or several set side by side.
 */
function asksCompanyWorth(entities: readonly NamedEntity[], lower: string, quantity: Quantity | null, relation: Relation | null, kind: AnswerKind): boolean {
  if (quantity !== "value" || (relation !== null && relation !== "value") || DEAL_WORD.test(lower)) return false;
  if (!/\b(?:worth|valued?)\b/.test(lower) || /\$|\d/.test(lower)) return false;
  const groups = new Set(entities.map((e) => e.group));
  if (entities.length === 0 || entities.some((e) => e.kind !== "company")) return false;
  return groups.size === 1 || kind === "compare";
}

/** "how big is the vineland build / the campus / the site": a place is measured in power before money. */
function physicalFirst(metrics: readonly Metric[], quantity: Quantity | null, lower: string): readonly Metric[] {
  if (quantity !== "size" || !/\b(?:build|buildout|site|campus|facility|data ?cent(?:er|re)|cluster|plant|building|park)\b/.test(lower)) return metrics;
  return [...metrics.filter((m) => m === "capacity"), ...metrics.filter((m) => m !== "capacity")];
}

const GUESS = /\bguess\b|\bspeculate\b/;

function refusalOf(lower: string): StructuredQuery["refusal"] {
  if (INJECTION.test(lower)) return "injection";
  if (ADVICE.test(lower)) return "advice";
  // "when will it go live" asks the planned date; "just guess a date" asks for a guess.
  if (PREDICTION.test(lower) && (!/\bwhen (?:will|is|does)\b/.test(lower) || GUESS.test(lower))) return "prediction";
  if (FUTURE_YES_NO.test(lower) && !/\bhow (?:much|many|long|big)\b|\bwhen\b|\bwhich\b|\bwho\b/.test(lower)) return "prediction";
  if (OFF_TOPIC.test(lower)) return "off-topic";
  return null;
}

/** "buy" and "purchase" mean an acquisition only when a company is what is bought. */
const BOUGHT_THING = /\b(?:power|capacity|compute|gpus?|chips?|tpus?|servers?|energy|electricity|bonds?|cloud|services?|hardware|nuclear|hydro|gigawatts?|megawatts?|gw|mw|smr|reactor)\b/;
const BUY_OBJECT = /\b(?:buy|buys|bought|buying|purchase[sd]?|purchasing)\s+(?:a |an |the |all of |out |into )?(?:[\w.&'-]+\s+){0,1}?(power|capacity|compute|gpus?|chips?|tpus?|servers?|energy|electricity|bonds?|shares|stock|stakes?|equity|cloud|services?|capacity|hardware|gear|equipment|systems?|units?|stuff|nuclear|hydro|gigawatts?|megawatts?|gw|mw)\b/;

/** Verbs that can only mean a deal was ended: they outrank the deal's own noun ("call off the merger"). */
const ENDED = /\b(?:cancel\w*|scrap\w*|abandon\w*|call(?:s|ed|ing)? off|terminat\w*|walk(?:s|ed|ing)? away|back(?:s|ed|ing)? out|pull(?:s|ed|ing)? out|f[ae]ll(?:s|en|ing)? (?:through|apart)|axe[ds]?|nix(?:es|ed)?|shelve[ds]?|collaps\w*)\b/;

function readRelation(lemmas: Forms, lower: string): { relation: Relation | null; relationAt: number } {
  if (ENDED.test(lower)) {
    const cancel = RELATIONS.find(([r]) => r === "cancel");
    const at = cancel ? findAny(lemmas, cancel[1]) : -1;
    if (at >= 0) return { relation: "cancel", relationAt: at };
  }
  for (const [relation, phrases] of RELATIONS) {
    const at = findAny(lemmas, phrases);
    if (at < 0) continue;
    // "how much azure did oai promise to buy": an amount of something is bought, never a company.
    if (relation === "acquire" && /\bhow much (?!of\b)\w+/.test(lower) && !/\b(?:acquir\w*|acquisition|takeover|take over|merg\w*|buyout)\b/.test(lower)) continue;
    if (relation === "acquire" && (BUY_OBJECT.test(lower) || BOUGHT_THING.test(lower) && !/\b(?:bought|buys?|acquir\w*)\s+(?:\w+\s+)?(?:company|firm|startup|stake)\b/.test(lower)) && !/\b(?:acquir\w*|acquisition|takeover|take over|merg\w*|buyout)\b/.test(lower)) continue;
    // The actor is whoever stands before the first verb of giving or taking ("Lambda paying Nvidia to rent...").
    const first = Math.min(...RELATIONS.filter(([r]) => r !== "value" && r !== "partner").map(([, ps]) => findAny(lemmas, ps)).filter((x) => x >= 0), at);
    // "off" and "dead" only mean cancelled in a yes/no about the deal ("is it off?").
    // "why did nvidia give xai $20 billion": giving money is investing, not supplying.
    if (relation === "supply" && /\b(?:give|gave|given|giving|gives|put in|provid\w*)\b/.test(lower) && /\$|\b\d+(?:\.\d+)?\s*(?:b|bn|billion|m|million|tn|trillion)\b|\b(?:money|cash|dollars?|funding)\b/.test(lower)) {
      return { relation: "invest", relationAt: findAny(lemmas, RELATIONS.find(([r]) => r === "supply")![1]) };
    }
    if (relation === "cancel" && /\b(?:off|dead)\b/.test(lower) && !/\b(?:cancel|scrap|drop|abandon|collapse|pull|walk|kill|terminat|fall|fell|call|axe|nix|shelv|still on|vot|reject|block)/.test(lower) && !YES_NO.test(lower)) continue;
    return { relation, relationAt: first };
  }
  return { relation: null, relationAt: -1 };
}

/** Who acts and who is acted on: the entity before the relation word and the one after it. */
function actorAndTarget(entities: readonly NamedEntity[], words: readonly Word[], at: number, relation: Relation | null): { actor: string | null; target: string | null } {
  if (relation === null || at < 0 || entities.length === 0) return { actor: null, target: null };
  // Place each entity among our words by the first word that named it.
  const placed = entities.map((e) => {
    const first = e.text.split(" ")[0] ?? "";
    // The word itself first: "core" of Core Scientific is not the start of "coreweave".
    const exact = words.findIndex((w, k) => w.raw === first && (e.text.split(" ").length === 1 || words[k + 1]?.raw === e.text.split(" ")[1]));
    const i = exact >= 0 ? exact : words.findIndex((w) => w.raw === first || w.raw.startsWith(first) && first.length >= 3);
    return { e, pos: i >= 0 ? i : e.position };
  });
  const before = placed.filter((p) => p.pos < at).map((p) => p.e);
  const after = placed.filter((p) => p.pos > at).map((p) => p.e);
  const passive = /\b(?:be|get)\b/.test(words.slice(Math.max(0, at - 2), at).map((w) => w.lemma).join(" ")) && /\bby\b/.test(words.slice(at).map((w) => w.raw).join(" "));
  const actor = (passive ? after.at(-1) : before.at(-1))?.group ?? null;
  const target = (passive ? before.at(-1) : after[0])?.group ?? null;
  return { actor, target: target === actor ? null : target };
}

/** The company named right before a verb of owning ("meta holds", "msft ended up with", "blue owl's 80%"). */
function holderNamed(entities: readonly NamedEntity[], lower: string): string | null {
  for (const e of entities) {
    const name = e.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`\\b${name}(?:'s|’s)?\\s+(?:\\w+\\s+)?(?:holds?|owns?|has|keeps?|controls?|gets?|got|takes?|took|ended up with|ends up with)\\b|\\b${name}(?:'s|’s)\\s+\\d`).test(lower)) return e.group;
  }
  return null;
}

/** "how much has nvda actually paid so far": money already moved is a tranche paid as well as a total spent. */
function movedSoFar(metrics: readonly Metric[], lower: string): readonly Metric[] {
  return SO_FAR.test(lower) && metrics.some((m) => m === "spending" || m === "investment") ? ["tranche" as Metric, ...metrics.filter((m) => m !== "tranche")] : metrics;
}

export type { Phrase };

/** "(gbp pls)", "in aussie dollars", "in euros": money asked in one currency is given in it where a page reports it so. */
function currencyAsked(lower: string, units: readonly Unit[]): readonly Unit[] {
  if (!units.includes("USD" as Unit)) return units;
  if (/\b(?:gbp|pounds?|sterling|quid)\b|£/.test(lower)) return ["GBP" as Unit];
  if (/\b(?:aud|aussie dollars?|australian dollars?|a\$)/.test(lower)) return ["AUD" as Unit];
  if (/\b(?:eur|euros?)\b|€/.test(lower)) return ["EUR" as Unit];
  return units;
}

/** A part that starts by naming which figure: "the max if they take…", "base value", "the whole cluster". */
const PART_START = /^\W*(?:(?:the|a|an|its|their|and|or|but|vs|what about)\s+)*(?:max(?:imum)?|min(?:imum)?|base|firm|first|initial|second|whole|entire|full|total|overall|target|eventual|ceiling|rest|remaining|upfront|later|phase)\b/;

/** Words that name one figure of a deal among its others: a phase, a ceiling, a kind of money, a price. */
const PART_WORDS = /\b(?:first|initial(?:ly)?|phase|second|whole|entire|full|total|overall|max(?:imum)?|min(?:imum)?|ceiling|base|firm|target|goal|eventual(?:ly)?|over time|renewals?|options?|contingent|extension|equity|debt|cash|stock|loans?|bonds?|per share|a share|price|valuation|stake|%|percent|upfront|now|later|rest|remaining|expansion|added|additional)\b/;

/** Quantities whose answer is a date or words: a stated percent, GW or count cannot confirm them. */
const UNITLESS: ReadonlySet<Quantity | null> = new Set<Quantity | null>([null, "start", "completion", "announced", "statement"]);
const UNIT_QUANTITY: Readonly<Partial<Record<Unit, Quantity>>> = { percent: "stake", GW: "capacity", MW: "capacity", years: "duration", GPUs: "chips", TPUs: "chips", chips: "chips", accelerators: "chips", servers: "servers", shares: "shares" };

/** The quantity a stated figure's unit names, when the cue read names one that figure cannot be. */
function quantityOfStated(figures: ReadonlyArray<{ unit: Unit }>, quantity: Quantity | null): Quantity | null {
  if (!UNITLESS.has(quantity) || figures.length === 0) return null;
  const named = figures.map((f) => UNIT_QUANTITY[f.unit]);
  // Figures of several kinds ("a 10 year $18b deal") each get checked; none of them alone is the question.
  return named.every((x) => x !== undefined && x === named[0]) ? named[0]! : null;
}
