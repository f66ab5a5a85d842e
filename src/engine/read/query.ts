import type { Metric, Unit } from "../../kb/vocabulary.js";
import type { AnswerKind, Quantity, Relation } from "./lexicon.js";

/** A later part of a multi-part question: a quantity, or who the parties are. */
export type AlsoAsked = Quantity | "parties";

/** A company, person or project the question names, as the reader recognised it. */
export interface NamedEntity {
  readonly id: string;
  /** The root of its parent chain: AWS and Amazon share the group "amazon". */
  readonly group: string;
  /** The data holds at least one deal with this group as a party. */
  readonly hasDeals: boolean;
  readonly kind: string;
  /** Word position in the question. */
  readonly position: number;
  /** The words that named it. */
  readonly text: string;
  /**
   * Named in passing, not as a party asked about: a maker of the chips ("nvidia gpus"), a country
   * as a place ("across texas and the uk"). Dropped when the deal asked about does not involve it.
   */
  readonly incidental?: boolean;
}

/** What the question takes for granted, checked against the data before any answer. */
export interface Premise {
  /** "why did Microsoft acquire OpenAI": an acquisition, a cancellation, a payment... */
  readonly relation: Relation | null;
  /** The entity said to act (before the verb) and the one acted on, when the wording shows it. */
  readonly actor: string | null;
  readonly target: string | null;
  /** Figures the user wrote: "the $50b deal", "when did nvidia hit 2.74 trillion". */
  readonly figures: ReadonlyArray<{ readonly value: number; readonly unit: Unit }>;
}

/** The whole question, read into parts that retrieval and verification can check one by one. */
export interface StructuredQuery {
  readonly text: string;
  readonly lower: string;
  /** Lemmas of the words, in order. */
  readonly lemmas: readonly string[];
  /** Content lemmas: not stopwords, not cue words, not names. Used for matching fact wording. */
  readonly keywords: readonly string[];
  /**
   * Words that name something specific: content words the data itself uses ("hydro", "payout",
   * "Abilene") or that are not everyday English ("Vizag", "Kairos"). An answer must come from a deal
   * (and, where the word is a figure's own, a fact) that mentions every one of them.
   */
  readonly specifics: readonly string[];
  readonly entities: readonly NamedEntity[];
  /** Words placed like company names that match nothing the data knows. */
  readonly unknownNames: readonly string[];
  readonly relation: Relation | null;
  readonly quantity: Quantity | null;
  /** Metrics that answer the quantity, best first; empty when no quantity was asked. */
  readonly metrics: readonly Metric[];
  readonly units: readonly Unit[];
  /** Further parts of a multi-part question ("how much and how many GW", "how big, and who's the partner"). */
  readonly alsoAsked: readonly AlsoAsked[];
  /**
   * A question in parts that ask figures of the same kind, told apart by their own words ("how many
   * MW, and the first phase?", "firm value vs the max"): the leading part first, then the others.
   * Empty for a question in one part.
   */
  readonly parts: readonly string[];
  /**
   * The question is about a deal as it once stood: a follow-up on a superseded or scrapped deal just
   * discussed ("for how many gw" after Nvidia's scrapped letter of intent). Set by the conversation.
   */
  readonly earlier?: boolean;
  /** The quantity was named outright ("how many GPUs"): no other metric may stand in for it. */
  readonly precise: boolean;
  readonly kind: AnswerKind;
  readonly refusal: "advice" | "prediction" | "injection" | "off-topic" | null;
  readonly years: readonly number[];
  /** Months named (1-12): "the March deal", "in sept 2025". */
  readonly months: readonly number[];
  /** Which part of a deal: "first phase"/"initial", "second", an "additional" amount, or the "eventual" whole. */
  readonly phase: "first" | "second" | "added" | "eventual" | null;
  /** Deal types the question names ("power deals", "acquisitions"). */
  readonly dealTypes: readonly string[];
  readonly premise: Premise;
  /** A yes/no question ("is it still on?", "did X buy Y?"). */
  readonly yesNo: boolean;
  /** Starts like a follow-up ("and AMD?") or points back ("how long is it?"). */
  readonly followUp: boolean;
  readonly pointsBack: boolean;
  /** For rankings: smallest/shortest/oldest first. */
  readonly ascending: boolean;
  /** "newest", "latest", "most recent": by date rather than size. */
  readonly byDate: boolean;
  /** "top 3". */
  readonly limit: number | null;
  /** The question names a deal outright ("deal", "agreement", "contract"). */
  readonly mentionsDeal: boolean;
  /** Dollar thresholds: "deals over $10 billion". */
  readonly threshold: number | null;
}
