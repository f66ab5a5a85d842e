import { readFile } from "node:fs/promises";
import yaml from "js-yaml";
import { z } from "zod";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../engine/answer.js";
import type { SearchIndex } from "../engine/search-index.js";
import { type BlindItem, blindItemSchema, grade, type Graded } from "./blind-grade.js";

export async function readBlindSet(file: string): Promise<BlindItem[]> {
  return z.array(blindItemSchema).parse(yaml.load(await readFile(file, "utf8")));
}

/** Ask every question; consecutive questions of one chain share a conversation. */
export function runBlind(index: SearchIndex, items: readonly BlindItem[]): Graded[] {
  let context: ConversationContext = EMPTY_CONTEXT;
  let chain: string | undefined;
  return items.map((item) => {
    const same = item.chain !== undefined && item.chain === chain;
    const turn = answerQuestion(index, item.q, same ? context : EMPTY_CONTEXT);
    context = turn.context;
    chain = item.chain;
    return grade(item, turn.answer);
  });
}

export interface BlindReport {
  readonly answerable: number;
  readonly right: number;
  readonly accuracy: number;
  readonly confidentlyWrong: number;
  readonly confidentlyWrongRate: number;
  readonly declined: number;
  readonly traps: number;
  readonly trapsHandled: number;
  readonly trapRate: number;
  readonly byKind: Readonly<Record<string, { readonly n: number; readonly right: number }>>;
}

export function summarise(results: readonly Graded[]): BlindReport {
  const answerable = results.filter((r) => r.item.expect === "figure" || r.item.expect === "mention");
  const traps = results.filter((r) => r.item.expect === "decline" || r.item.expect === "correct");
  const byKind: Record<string, { n: number; right: number }> = {};
  for (const r of results) {
    const k = r.item.trap ? `trap:${r.item.trap}` : (r.item.kind ?? "other");
    const e = (byKind[k] ??= { n: 0, right: 0 });
    e.n++;
    if (r.verdict === "right") e.right++;
  }
  const right = answerable.filter((r) => r.verdict === "right").length;
  const cw = answerable.filter((r) => r.verdict === "confidently-wrong").length;
  const handled = traps.filter((r) => r.verdict === "right").length;
  return {
    answerable: answerable.length,
    right,
    accuracy: answerable.length ? right / answerable.length : 0,
    confidentlyWrong: cw,
    confidentlyWrongRate: answerable.length ? cw / answerable.length : 0,
    declined: answerable.filter((r) => r.verdict === "declined").length,
    traps: traps.length,
    trapsHandled: handled,
    trapRate: traps.length ? handled / traps.length : 0,
    byKind,
  };
}
