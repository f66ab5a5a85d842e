import { z } from "zod";

/** One eval question and what a correct reply must contain. */
export const evalCaseSchema = z.strictObject({
  q: z.string(),
  /** Continue the previous question's conversation (a follow-up such as "and AMD?"). */
  followUp: z.boolean().default(false),
  expect: z.strictObject({
    answered: z.boolean(),
    /** Figure values (canonical units) that must each appear among the reply's figures. */
    values: z.array(z.number()).default([]),
    /** Strings that must each appear in the plain-text reply body (case-insensitive). */
    texts: z.array(z.string()).default([]),
    /** Strings that must not appear in the reply body (case-insensitive). */
    absent: z.array(z.string()).default([]),
    /** At least one figure must come from each of these deals. */
    deals: z.array(z.string()).default([]),
    /** The reply must contain a computed figure (a total). */
    computed: z.boolean().optional(),
  }),
  note: z.string().optional(),
});

export const evalFileSchema = z.array(evalCaseSchema).min(1);
export type EvalCase = z.output<typeof evalCaseSchema>;
