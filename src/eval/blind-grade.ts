import { z } from "zod";
import type { Answer, AnswerFigure } from "../engine/answer-model.js";
import { renderBody } from "../render/plain.js";

/** The blind question format (eval/blind/README.md) and how one reply is graded against it. */

export const blindItemSchema = z.object({
  id: z.string(),
  q: z.string(),
  expect: z.enum(["figure", "mention", "decline", "correct"]),
  figures: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  mentions: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  forbid: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  trap: z.string().optional(),
  kind: z.string().optional(),
  chain: z.string().optional(),
  about: z.string().optional(),
});
export type BlindItem = z.output<typeof blindItemSchema>;

export type Verdict = "right" | "wrong" | "confidently-wrong" | "declined";

export interface Graded {
  readonly item: BlindItem;
  readonly answer: Answer;
  readonly verdict: Verdict;
  readonly why: string;
}

type Family = "money" | "power" | "percent" | "duration" | "count";
interface Figure {
  readonly value: number;
  readonly family: Family;
  readonly currency?: string;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, "twenty-five": 25, thirty: 30 };
const SCALE: Readonly<Record<string, number>> = { trillion: 1e12, tn: 1e12, t: 1e12, billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3 };

/** "$38 billion", "up to $40B", "6 GW", "160 million shares", "27%", "seven years", "£22 billion". */
export function parseFigure(text: string): Figure | undefined {
  const t = text.toLowerCase().replace(/,(?=\d{3}\b)/g, "").replace(/\s+/g, " ");
  const wordNum = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|thirty)\b/.exec(t);
  const m = /(a\$|us\$|\$|£|€)?\s?(\d+(?:\.\d+)?)\s?(trillion|billion|million|thousand|tn|bn|mn|t|b|m|k)?\b\s?(%|percent|gw|gigawatts?|mw|megawatts?|mwe|years?|months?)?/.exec(t);
  const value0 = m ? Number(m[2]) : wordNum ? NUMBER_WORDS[wordNum[1]!] : undefined;
  if (value0 === undefined) return undefined;
  const scale = m?.[3] ? SCALE[m[3]]! : 1;
  const value = value0 * scale;
  const sign = m?.[1];
  const unit = m?.[4] ?? (/\b(years?|months?)\b/.exec(t)?.[1] ?? "");
  if (sign) return { value, family: "money", currency: sign === "£" ? "GBP" : sign === "€" ? "EUR" : sign === "a$" ? "AUD" : "USD" };
  if (/dollars?|usd/.test(t)) return { value, family: "money", currency: "USD" };
  if (/^(?:%|percent)$/.test(unit)) return { value, family: "percent" };
  if (/^g/.test(unit)) return { value, family: "power" };
  if (/^m(?:w|ega)/.test(unit)) return { value: value / 1000, family: "power" };
  if (/^years?$/.test(unit)) return { value, family: "duration" };
  if (/^months?$/.test(unit)) return { value: value / 12, family: "duration" };
  return { value, family: "count" };
}

function fromAnswer(f: AnswerFigure): Figure | undefined {
  if (f.value === null) return parseFigure(f.display);
  switch (f.unit) {
    case "USD":
    case "GBP":
    case "EUR":
    case "AUD":
      return { value: f.value, family: "money", currency: f.unit };
    case "GW":
      return { value: f.value, family: "power" };
    case "MW":
      return { value: f.value / 1000, family: "power" };
    case "percent":
      return { value: f.value, family: "percent" };
    case "years":
      return { value: f.value, family: "duration" };
    case "months":
      return { value: f.value / 12, family: "duration" };
    default:
      return { value: f.value, family: "count" };
  }
}

function sameFigure(a: Figure, b: Figure): boolean {
  if (a.family !== b.family) return false;
  if (a.family === "money" && a.currency !== b.currency) return false;
  return Math.abs(a.value - b.value) <= Math.max(Math.abs(b.value) * 0.015, 1e-9);
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ");

/** "5 gw" is in "about 5 gw" but not in "3.5 gw" or "15 gw": a figure matches only where a number starts. */
export function containsFigure(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\d.,])${escaped}`).test(text);
}

function figureGiven(expected: string, figures: readonly AnswerFigure[]): boolean {
  const want = parseFigure(expected);
  return figures.some((f) => {
    if (containsFigure(norm(f.display), norm(expected))) return true;
    const got = fromAnswer(f);
    return want !== undefined && got !== undefined && sameFigure(got, want);
  });
}

function mentionsHold(mentions: readonly string[], text: string): string | undefined {
  const body = norm(text);
  for (const m of mentions) {
    const alts = m.split("|").map((a) => norm(a.trim())).filter(Boolean);
    if (!alts.some((a) => body.includes(a))) return m;
  }
  return undefined;
}

/** Grade one reply. "confidently-wrong": an answer was given with a figure that is not the expected one. */
export function grade(item: BlindItem, answer: Answer): Graded {
  const text = renderBody(answer);
  const primary = answer.primary.map((i) => answer.figures[i]).filter((f): f is AnswerFigure => f !== undefined);
  const forbidden = (item.forbid ?? []).find((f) => figureGiven(f, primary));
  const out = (verdict: Verdict, why: string): Graded => ({ item, answer, verdict, why });
  if (item.expect === "decline" || item.expect === "correct") {
    if (forbidden) return out("confidently-wrong", `gave forbidden ${forbidden}`);
    if (answer.outcome === "answered") return out(primary.length > 0 ? "confidently-wrong" : "wrong", "answered a trap");
    const missing = item.expect === "correct" && item.mentions ? mentionsHold(item.mentions, text) : undefined;
    return missing ? out("wrong", `correction lacks "${missing}"`) : out("right", answer.outcome);
  }
  if (forbidden) return out("confidently-wrong", `gave forbidden ${forbidden}`);
  // A reply that declines but carries every expected word ("no value was disclosed; an analyst estimated...") is right.
  if (answer.outcome !== "answered") return item.expect === "mention" && mentionsHold(item.mentions ?? [], text) === undefined ? out("right", "mentions in a decline") : out("declined", `outcome ${answer.outcome}`);
  if (item.expect === "figure") {
    const want = item.figures ?? [];
    if (want.some((w) => figureGiven(w, primary))) return out("right", "figure");
    if (want.some((w) => norm(text).includes(norm(w)))) return out("right", "figure in text");
    return out(primary.length > 0 ? "confidently-wrong" : "wrong", `expected ${want.join(" | ")}`);
  }
  const missing = mentionsHold(item.mentions ?? [], text);
  return missing ? out("wrong", `missing "${missing}"`) : out("right", "mentions");
}
