import { z } from "zod";
import { dateInputToText, parsePrecisionDate, type PrecisionDate } from "./precision-date.js";
import {
  BASES,
  DATE_BASES,
  DEAL_STATUSES,
  DEAL_TYPES,
  ENTITY_KINDS,
  METRIC_NAMES,
  METRIC_UNITS,
  PARTY_ROLES,
  QUALIFIERS,
  SOURCINGS,
  TIERS,
  UNITS,
} from "./vocabulary.js";

/** zod shapes of the hand-edited YAML files (data standard v2). Cross-file checks live in integrity.ts. */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "must be lower-case letters, digits, '-' or '.'");

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", loaded as a PrecisionDate. */
export const precisionDate = z.preprocess(
  dateInputToText,
  z.string().transform((s, ctx): PrecisionDate => {
    const parsed = parsePrecisionDate(s);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  }),
);

/** An all-caps ticker or abbreviation: MS, ARM, OWL, BRK.B. */
const ticker = z.string().regex(/^[A-Z][A-Z0-9.&-]*$/, "must be an all-caps ticker or abbreviation, e.g. MS");

export const entitySchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  /** Matched case-insensitively. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Matched case-sensitively only. */
  tickers: z.array(ticker).default([]),
  /** Names and aliases that are common English words, matched only because they are listed here. */
  wordAliases: z.array(z.string().min(1)).default([]),
  /** For a person: the company they speak for. For a subsidiary: its parent. */
  parent: id.optional(),
  description: z.string().optional(),
});

export const entitiesFileSchema = z.strictObject({ entities: z.array(entitySchema).min(1) });

export const sourceSchema = z
  .strictObject({
    id,
    publisher: z.string().min(1),
    /** Exactly as in the research list; required unless textFile holds the page. */
    url: z.url().optional(),
    /** Only when the research list shows the page's title. */
    title: z.string().min(1).optional(),
    /** Only when the research list gives a date for the page. */
    published: precisionDate.optional(),
    dateBasis: z.enum(DATE_BASES).optional(),
    tier: z.enum(TIERS),
    /** The verbatim excerpts the research list gives for this page; quotes must come from them. */
    excerpts: z.array(z.string().min(1)).min(1).optional(),
    /** A file beside the YAML holding the source's full text; quotes are checked against it. */
    textFile: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.textFile === undefined && s.url === undefined) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "is required (exactly as in the research list) unless textFile is set" });
    }
    if (s.textFile === undefined && s.excerpts === undefined) {
      ctx.addIssue({ code: "custom", path: ["excerpts"], message: "is required unless textFile is set: copy the research list's Excerpt lines for this page" });
    }
    if (s.dateBasis !== undefined && s.published === undefined) {
      ctx.addIssue({ code: "custom", path: ["dateBasis"], message: "is only allowed with published" });
    }
  });

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });

export const partySchema = z.strictObject({
  entity: id,
  role: z.enum(PARTY_ROLES),
});

const wordCount = (s: string) => s.trim().split(/\s+/).length;

export const factSchema = z
  .strictObject({
    id,
    metric: z.enum(METRIC_NAMES),
    /** The number in its canonical unit: whole units of the currency, GW, MW, percent, years, months, a count. */
    value: z.number().finite().optional(),
    unit: z.enum(UNITS),
    /** Exactly the hedge the quote puts on this figure. */
    qualifier: z.enum(QUALIFIERS).default("none"),
    range: z.strictObject({ min: z.number().finite(), max: z.number().finite() }).optional(),
    /** How the figure reads when the value alone does not say it ("between $115 billion and $135 billion"). */
    text: z.string().min(1).optional(),
    /** For unit "date": the date, as precise as the quote. */
    date: precisionDate.optional(),
    /** Plain-English noun phrase of what the figure is, without digits. */
    label: z.string().min(1).optional(),
    /** Whose figure this is, when it is not the deal's own: the company valued, the investor, the holder of a stake. */
    subject: id.optional(),
    /** Who said it, for statements. */
    speaker: id.optional(),
    basis: z.enum(BASES).default("reported"),
    estimatedBy: z.string().min(1).optional(),
    scope: z.string().min(1).optional(),
    /** When the figure was reported. */
    asOf: precisionDate,
    source: id,
    quote: z
      .string()
      .min(1)
      .refine((q) => wordCount(q) <= 30, "must be at most 30 words"),
    /** Facts sharing a dispute group are rival reports of the same figure. */
    dispute: id.optional(),
    /** The earlier fact this one replaces, or several ("the October guidance replaces February's and July's"). */
    supersedes: z.union([id, z.array(id).min(1)]).optional(),
    /** Facts that may count the same money or capacity: totals never add both. */
    overlaps: z.array(id).default([]),
    note: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const textual = f.unit === "date" || f.unit === "text";
    if (!textual && f.value === undefined && (f.range === undefined || f.text === undefined)) {
      issue("value", `is required for unit "${f.unit}" (or give range and text)`);
    }
    if (f.unit === "text" && f.text === undefined) issue("text", 'is required for unit "text"');
    if (f.unit === "date" && f.date === undefined) issue("date", 'is required for unit "date"');
    if (f.range && f.range.min > f.range.max) issue("range", "min is greater than max");
    if (f.range && f.text === undefined) issue("text", "is required with range: say how the range reads");
    const units = METRIC_UNITS[f.metric];
    if (units !== undefined && !units.includes(f.unit)) {
      issue("unit", `metric "${f.metric}" takes ${units.map((u) => `"${u}"`).join(", ")} (got "${f.unit}")`);
    }
    if (f.metric === "term" && (f.value !== undefined || f.range !== undefined)) {
      issue("metric", '"term" is for non-numeric terms only; give the number a real metric');
    }
    if (f.basis === "estimate" && f.estimatedBy === undefined) issue("estimatedBy", "is required when basis is estimate: say who estimated it");
    if (f.basis !== "estimate" && f.estimatedBy !== undefined) issue("estimatedBy", "is only allowed with basis: estimate");
    if (f.basis === "other-scope" && f.scope === undefined) issue("scope", "is required when basis is other-scope: say what the figure covers");
    if (f.basis !== "other-scope" && f.scope !== undefined) issue("scope", "is only allowed with basis: other-scope");
    if (f.label !== undefined && /\d/.test(f.label)) issue("label", "must not contain digits: the figure goes in value");
    if (f.overlaps.includes(f.id)) issue("overlaps", "a fact cannot overlap itself");
  });

export const dealFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  type: z.enum(DEAL_TYPES),
  status: z.enum(DEAL_STATUSES),
  /** Plain-English note on the status the bot can say ("scrapped; replaced by ..."). */
  statusNote: z.string().min(1).optional(),
  announced: precisionDate,
  sourcing: z.enum(SOURCINGS),
  summary: z.string().min(1).max(300),
  parties: z.array(partySchema).min(1),
  /** Earlier deals that this one revises or expands. */
  revises: z.array(id).default([]),
  /** Earlier deals that this one replaces outright; their status must be scrapped or superseded. */
  supersedes: z.array(id).default([]),
  /** Sources first cited by this deal; their ids are global. */
  sources: z.array(sourceSchema).default([]),
  facts: z.array(factSchema).min(1),
});

export type Entity = z.output<typeof entitySchema>;
export type Source = z.output<typeof sourceSchema>;
export type Party = z.output<typeof partySchema>;
export type FactInput = z.output<typeof factSchema>;
export type DealFile = z.output<typeof dealFileSchema>;
