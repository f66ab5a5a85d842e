import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { answerQuestion } from "../src/engine/answer.js";
import type { LiveIndex, ReloadReport } from "../src/engine/live-index.js";
import type { BenchQuestion } from "./questions.js";

export interface LoopMeasure {
  readonly ms: number;
  readonly maxLoopDelayMs: number;
  readonly p99LoopDelayMs: number;
  readonly asked: number;
  readonly slowestAnswerMs: number;
  readonly report: ReloadReport;
}

/**
 * Run a reload while questions keep arriving every 5 ms, measuring how long it takes to report and
 * the event loop's largest delay meanwhile.
 */
export async function reloadUnderTraffic(live: LiveIndex, questions: readonly BenchQuestion[], reload: () => Promise<ReloadReport>): Promise<LoopMeasure> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let asked = 0;
  let slowestAnswerMs = 0;
  const timer = setInterval(() => {
    const q = questions[asked++ % questions.length]!;
    const started = performance.now();
    answerQuestion(live.get(), q.text);
    slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - started);
  }, 5);
  histogram.enable();
  const t = performance.now();
  const report = await reload();
  const ms = performance.now() - t;
  histogram.disable();
  clearInterval(timer);
  return { ms, maxLoopDelayMs: histogram.max / 1e6, p99LoopDelayMs: histogram.percentile(99) / 1e6, asked, slowestAnswerMs, report };
}

/**
 * Edit one deal file the way a curator does: a few words of its summary (no figure, so it stays
 * valid). Returns a function that puts the file back.
 */
export async function editOneDeal(dir: string, seed: number): Promise<{ file: string; restore: () => Promise<void> }> {
  const deals = (await readdir(path.join(dir, "deals"))).filter((f) => f.endsWith(".yaml")).sort();
  const file = path.join(dir, "deals", deals[seed % deals.length]!);
  const text = await readFile(file, "utf8");
  const edited = text.replace(/^summary: "/m, 'summary: "Curators revised this summary. ');
  if (edited === text) throw new Error(`bench: cannot edit the summary of ${file}`);
  await writeFile(file, edited);
  return { file, restore: () => writeFile(file, text) };
}
