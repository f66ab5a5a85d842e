import { z } from "zod";
import {
  DEAL_STATUSES,
  DEAL_TYPES,
  ENTITY_KINDS,
  METRIC_NAMES,
  PARTY_ROLES,
  QUALIFIERS,
  TIERS,
  UNITS,
} from "./vocabulary.js";

/** zod shapes of the hand-edited YAML files. Cross-file checks live in integrity.ts. */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "must be lower-case letters, digits, '-' or '.'");

/** YAML turns an unquoted 2025-11-03 into a Date; accept both and normalise to YYYY-MM-DD. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine(isRealDate, "is not a real calendar date"),
);

const checkedDates = new Map<string, boolean>();

function isRealDate(s: string): boolean {
  let ok = checkedDates.get(s);
  if (ok === undefined) {
    const d = new Date(`${s}T00:00:00Z`);
    ok = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    if (checkedDates.size < 100_000) checkedDates.set(s, ok);
  }
  return ok;
}

export const entitySchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(z.string().min(1)).default([]),
  /** For a person: the company they speak for. For a subsidiary: its parent. */
  parent: id.optional(),
  description: z.string().optional(),
});

export const entitiesFileSchema = z.strictObject({ entities: z.array(entitySchema).min(1) });

export const sourceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url().optional(),
  publishedAt: isoDate,
  tier: z.enum(TIERS),
  /** A file beside the YAML holding the source's full text; quotes are checked against it. */
  textFile: z.string().optional(),
  note: z.string().optional(),
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
    /** The number in its canonical unit: whole US dollars, GW, MW, percent, years, a count. */
    value: z.number().finite().optional(),
    unit: z.enum(UNITS),
    qualifier: z.enum(QUALIFIERS).default("none"),
    range: z.strictObject({ min: z.number().finite(), max: z.number().finite() }).optional(),
    /** For unit "date": the latest day the claim allows, e.g. 2026-12-31 for "by the end of 2026". */
    date: isoDate.optional(),
    /** How the figure reads when the value alone does not say it ("by the end of 2026", "hundreds of thousands"). */
    text: z.string().min(1).optional(),
    /** Whose figure this is, when it is not the deal's own: the company valued, the investor, the holder of a stake. */
    subject: id.optional(),
    /** Who said it, for statements. */
    speaker: id.optional(),
    asOf: isoDate,
    source: id,
    quote: z
      .string()
      .min(1)
      .refine((q) => wordCount(q) <= 30, "must be at most 30 words"),
    /** Facts sharing a dispute group are rival reports of the same figure. */
    dispute: id.optional(),
    /** The id of the earlier fact this one replaces. */
    supersedes: id.optional(),
    note: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    const textual = f.unit === "date" || f.unit === "text";
    if (!textual && f.value === undefined && (f.range === undefined || f.text === undefined)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `is required for unit "${f.unit}" (or give range and text)` });
    }
    if (textual && f.text === undefined) {
      ctx.addIssue({ code: "custom", path: ["text"], message: `is required for unit "${f.unit}"` });
    }
    if (f.unit === "date" && f.date === undefined) {
      ctx.addIssue({ code: "custom", path: ["date"], message: 'is required for unit "date"' });
    }
    if (f.range && f.range.min > f.range.max) {
      ctx.addIssue({ code: "custom", path: ["range"], message: "min is greater than max" });
    }
  });

export const dealFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  type: z.enum(DEAL_TYPES),
  status: z.enum(DEAL_STATUSES),
  announced: isoDate,
  summary: z.string().min(1).max(300),
  parties: z.array(partySchema).min(1),
  /** Earlier deals that this one revises or expands. */
  revises: z.array(id).default([]),
  /** Earlier deals that this one replaces outright. */
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
