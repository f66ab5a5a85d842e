import type { Answer } from "../../src/engine/answer-model.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { uncitedNumbers } from "../../src/eval/citation-check.js";
import { renderBody } from "../../src/render/plain.js";

/**
 * Numbers that count or order the bot's own data rather than report a figure: list ordinals
 * ("1. The …"), a list's size ("in my sources (18):", "5 of 75 with such a figure", "…and 6 more",
 * "Oracle: 11 deals"). They need no citation; every other number must be a cited figure's.
 */
const STRUCTURAL = [/^\d+\.\s/gm, /\((\d+)\):?$/gm, /\b\d+ of \d+ with\b/g, /\band \d+ more\b/g, /\b\d+ deals?\b/g];

const NUMBER = /(?<![\p{L}\d.])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu;

/** uncitedNumbers (src/eval/citation-check.ts), less the numbers that appear only as counts or ordinals. */
export function uncitedFigures(answer: Answer, index: SearchIndex): string[] {
  let body = renderBody(answer).replace(/\[\d+\]/g, "");
  for (const re of STRUCTURAL) body = body.replace(re, " ");
  const left = new Set([...body.matchAll(NUMBER)].map((m) => m[0]));
  return uncitedNumbers(answer, index).filter((n) => left.has(n));
}
