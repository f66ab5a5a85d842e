/**
 * DealDesk benchmark: `npm run bench [-- --sizes 1000,10000] [--json]`.
 *
 * For each size, a synthetic knowledge base of that many facts is generated into a fresh temp dir,
 * loaded with the real loader, indexed, and measured: build time, memory, answer latency over a
 * fixed question mix against the naive MiniSearch baseline, and a live reload while questions keep
 * arriving. Each size runs in its own child process (with --expose-gc) so that memory figures do
 * not carry over between sizes. With --json, stdout holds one JSON object per size and nothing
 * else (one per size, then one for chart rendering); progress and breakdowns go to stderr.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { answerQuestion } from "../src/engine/answer.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { LiveIndex } from "../src/engine/live-index.js";
import { buildIndex } from "../src/engine/search-index.js";
import { warmIndex } from "../src/engine/warm-index.js";
import { loadKnowledgeBase } from "../src/kb/load.js";
import { summarize } from "../src/kb/summary.js";
import { formatLoadError } from "../src/kb/types.js";
import { benchCharts, chartRow } from "./charts.js";
import { editOneDeal, reloadUnderTraffic } from "./reload-measures.js";
import { table, targetReport } from "./report.js";
import { type Row, type Summary, summarize as summarizeRuns } from "./runs.js";
import { describeKinds, percentile, timeAll } from "./latency.js";
import { type BenchQuestion, benchQuestions } from "./questions.js";
import { writeSyntheticKb } from "./synthetic.js";

export interface BenchResult {
  facts: number;
  buildMs: number;
  heapMB: number;
  rssMB: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerMaxMs: number;
  naiveP50Ms: number;
  naiveP99Ms: number;
  reloadMs: number;
  reloadMaxLoopDelayMs: number;
  incrementalReloadMs: number;
  incrementalReloadMaxLoopDelayMs: number;
  cachedBuildMs: number;
}

export const RESULT_KEYS: ReadonlyArray<keyof BenchResult> = [
  "facts",
  "buildMs",
  "heapMB",
  "rssMB",
  "answerP50Ms",
  "answerP99Ms",
  "answerMaxMs",
  "naiveP50Ms",
  "naiveP99Ms",
  "reloadMs",
  "reloadMaxLoopDelayMs",
  "incrementalReloadMs",
  "incrementalReloadMaxLoopDelayMs",
  "cachedBuildMs",
];

interface Options {
  sizes: number[];
  json: boolean;
  seed: number;
  questions: number;
  passes: number;
  keep: boolean;
  child?: number;
  inProcess: boolean;
  charts: boolean;
  chartsOnly: boolean;
  runs: number;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { sizes: [1000, 10000, 100000], json: false, seed: 42, questions: 300, passes: 3, keep: false, inProcess: false, charts: true, chartsOnly: false, runs: 3 };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined) fail(`${flag} needs a value`);
    return v;
  };
  const int = (s: string, flag: string) => {
    const n = Number(s.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1) fail(`${flag} expects positive integers (got "${s}")`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const next = () => inline ?? value(i++, flag);
    switch (flag) {
      case "--sizes":
        opts.sizes = next().split(",").filter(Boolean).map((s) => int(s.trim().replace(/k$/i, "000"), "--sizes"));
        break;
      case "--json":
        opts.json = true;
        break;
      case "--seed":
        opts.seed = int(next(), "--seed");
        break;
      case "--questions":
        opts.questions = Math.max(200, int(next(), "--questions"));
        break;
      case "--passes":
        opts.passes = int(next(), "--passes");
        break;
      case "--runs":
        opts.runs = int(next(), "--runs");
        break;
      case "--keep":
        opts.keep = true;
        break;
      case "--in-process":
        opts.inProcess = true;
        break;
      case "--no-charts":
        opts.charts = false;
        break;
      case "--charts-only":
        opts.chartsOnly = true;
        opts.charts = true;
        break;
      case "--child":
        opts.child = int(next(), "--child");
        break;
      case "--help":
        process.stderr.write("usage: npm run bench -- [--sizes 1000,10000,100000] [--json] [--seed N] [--questions N] [--passes N] [--runs N] [--keep] [--in-process] [--no-charts | --charts-only]\n");
        process.exit(0);
      default:
        fail(`unknown argument "${a}"`);
    }
  }
  return opts;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const round2 = (n: number) => Math.round(n * 100) / 100;
const mb = (bytes: number) => bytes / 1024 / 1024;


function getGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === "function") return g;
  try {
    v8.setFlagsFromString("--expose-gc");
    const fn: unknown = runInNewContext("gc");
    return typeof fn === "function" ? (fn as () => void) : undefined;
  } catch {
    return undefined;
  }
}


/** A first start without cache: load (read, parse, validate), index and warm. Nothing of it is kept. */
async function coldBuild(dir: string, facts: number, gc: (() => void) | undefined): Promise<number> {
  gc?.();
  let t = performance.now();
  const loaded = await loadKnowledgeBase(dir);
  const loadMs = performance.now() - t;
  if (!loaded.ok) {
    log(`[${facts}] the loader rejected the synthetic knowledge base (${loaded.errors.length} errors):`);
    for (const e of loaded.errors.slice(0, 50)) log(`  ${formatLoadError(e)}`);
    process.exit(1);
  }
  t = performance.now();
  const index = await buildIndex(loaded.kb);
  await warmIndex(index);
  const indexMs = performance.now() - t;
  const s = summarize(loaded.kb);
  log(`[${facts}] loaded ${s.facts} facts, ${s.deals} deals, ${s.sources} sources, ${s.entities} entities, ${s.disputed} disputes: load ${Math.round(loadMs)} ms + index ${Math.round(indexMs)} ms`);
  return loadMs + indexMs;
}

/** Measure one size in this process. */
async function runSize(facts: number, opts: Options): Promise<BenchResult> {
  const gc = getGc();
  if (!gc) log("bench: global.gc is not available; memory is measured without a forced GC");
  const dir = await mkdtemp(path.join(os.tmpdir(), `dealdesk-bench-${facts}-`));
  try {
    let t = performance.now();
    await writeSyntheticKb(dir, facts, opts.seed);
    log(`[${facts}] generated into ${dir} in ${Math.round(performance.now() - t)} ms`);

    const buildMs = await coldBuild(dir, facts, gc);

    // A start from the cache of the validated knowledge base (written by a first start, timed apart).
    const cacheDir = path.join(dir, ".cache");
    t = performance.now();
    await openIndex(dir, { cacheDir });
    log(`[${facts}] a first start that writes the cache took ${Math.round(performance.now() - t)} ms`);
    gc?.();
    t = performance.now();
    const index = await openIndex(dir, { cacheDir, log: (m) => log(`[${facts}] ${m}`) });
    const cachedBuildMs = performance.now() - t;
    const s = summarize(index.kb);
    log(`[${facts}] start from the cache ${Math.round(cachedBuildMs)} ms`);

    gc?.();
    gc?.();
    const mem = process.memoryUsage();

    const questions = benchQuestions(index.kb, opts.questions, opts.seed);
    const answered = new Map<BenchQuestion, boolean>();
    const answers = timeAll(questions, opts.passes, (q) => answerQuestion(index, q), (q, r) => answered.set(q, (r as ReturnType<typeof answerQuestion>).answer.answered));
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    const naive = timeAll(questions, opts.passes, (q) => index.factSearch.search(q, { fuzzy: 0.2, prefix: true }));
    const naiveSorted = naive.map((a) => a.ms).sort((a, b) => a - b);
    log(`[${facts}] answer latency by kind (${questions.length} questions x ${opts.passes} passes):\n${describeKinds(answers, answered)}`);
    // Wall-clock tails on a shared machine include preemption; the best of the passes per question is
    // what the engine itself costs.
    const best = new Map<BenchQuestion, number>();
    for (const a of answers) best.set(a.q, Math.min(best.get(a.q) ?? Infinity, a.ms));
    const bestSorted = [...best.values()].sort((a, b) => a - b);
    log(
      `[${facts}] answer p50/p99/max over all samples ${percentile(sorted, 50).toFixed(2)}/${percentile(sorted, 99).toFixed(2)}/${(sorted[sorted.length - 1] ?? 0).toFixed(2)} ms;` +
        ` best-of-${opts.passes} per question ${percentile(bestSorted, 50).toFixed(2)}/${percentile(bestSorted, 99).toFixed(2)}/${(bestSorted[bestSorted.length - 1] ?? 0).toFixed(2)} ms;` +
        ` load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`,
    );
    const slowest = [...answers].sort((a, b) => b.ms - a.ms).filter((a, i, all) => all.findIndex((b) => b.q === a.q) === i).slice(0, 5);
    log(`[${facts}] slowest questions:\n${slowest.map((a) => `    ${a.ms.toFixed(2).padStart(8)} ms  [${a.q.kind}] ${a.q.text}`).join("\n")}`);

    const live = new LiveIndex(index, dir);

    // A quiet full reload first: how long the reload itself takes and how long it blocks the loop.
    const quiet = monitorEventLoopDelay({ resolution: 10 });
    quiet.enable();
    t = performance.now();
    const quietReport = await live.reload({ rebuild: true });
    const quietMs = performance.now() - t;
    quiet.disable();
    if (!quietReport.ok) {
      log(`[${facts}] reload failed:`);
      for (const e of quietReport.errors.slice(0, 50)) log(`  ${formatLoadError(e)}`);
      process.exit(1);
    }
    gc?.();

    // Then the measured full reload, while questions keep arriving every few milliseconds.
    const full = await reloadUnderTraffic(live, questions, () => live.reload({ rebuild: true }));
    if (!full.report.ok) {
      log(`[${facts}] reload failed:`);
      for (const e of full.report.errors.slice(0, 50)) log(`  ${formatLoadError(e)}`);
      process.exit(1);
    }
    log(
      `[${facts}] full reload under traffic ${Math.round(full.ms)} ms while answering ${full.asked} questions (slowest answer ${full.slowestAnswerMs.toFixed(1)} ms);` +
        ` max loop delay ${full.maxLoopDelayMs.toFixed(1)} ms, p99 ${full.p99LoopDelayMs.toFixed(1)} ms`,
    );
    log(`[${facts}] quiet full reload (no traffic) ${Math.round(quietMs)} ms; max loop delay ${(quiet.max / 1e6).toFixed(1)} ms`);

    // A curator's edit of one deal file, applied as a diff, under the same traffic.
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the file system's timestamp granularity
    gc?.();
    // The index in service is the full reload's, whose lazy per-question caches (fact and deal word
    // sets) start empty; a bot that has been answering has them. Fill them first, untimed, so the
    // traffic below measures the reload rather than the previous reload's cold caches.
    for (const q of questions) answerQuestion(live.get(), q.text);
    const edit = await editOneDeal(dir, opts.seed);
    const incremental = await reloadUnderTraffic(live, questions, () => live.reload());
    await edit.restore();
    if (!incremental.report.ok) {
      log(`[${facts}] incremental reload failed:`);
      for (const e of incremental.report.errors.slice(0, 50)) log(`  ${formatLoadError(e)}`);
      process.exit(1);
    }
    log(
      `[${facts}] one-file reload (${incremental.report.how}) ${Math.round(incremental.ms)} ms` +
        ` while answering ${incremental.asked} questions (slowest answer ${incremental.slowestAnswerMs.toFixed(1)} ms); max loop delay ${incremental.maxLoopDelayMs.toFixed(1)} ms, p99 ${incremental.p99LoopDelayMs.toFixed(1)} ms`,
    );

    return {
      facts: s.facts,
      buildMs: round2(buildMs),
      heapMB: round2(mb(mem.heapUsed)),
      rssMB: round2(mb(mem.rss)),
      answerP50Ms: round2(percentile(sorted, 50)),
      answerP99Ms: round2(percentile(sorted, 99)),
      answerMaxMs: round2(sorted[sorted.length - 1] ?? 0),
      naiveP50Ms: round2(percentile(naiveSorted, 50)),
      naiveP99Ms: round2(percentile(naiveSorted, 99)),
      reloadMs: round2(full.ms),
      reloadMaxLoopDelayMs: round2(full.maxLoopDelayMs),
      incrementalReloadMs: round2(incremental.ms),
      incrementalReloadMaxLoopDelayMs: round2(incremental.maxLoopDelayMs),
      cachedBuildMs: round2(cachedBuildMs),
    };
  } finally {
    if (opts.keep) log(`[${facts}] kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** Run one size in a child process with --expose-gc, so heap and RSS start clean. */
function runChild(facts: number, opts: Options): Promise<BenchResult> {
  const script = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv.filter((a) => a !== "--expose-gc"),
    "--expose-gc",
    script,
    "--child",
    String(facts),
    "--seed",
    String(opts.seed),
    "--questions",
    String(opts.questions),
    "--passes",
    String(opts.passes),
    ...(opts.keep ? ["--keep"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`benchmark for ${facts} facts exited with code ${code}`));
      try {
        const line = out.trim().split("\n").pop() ?? "";
        resolve(JSON.parse(line) as BenchResult);
      } catch (err) {
        reject(new Error(`benchmark for ${facts} facts printed no result: ${String(err)}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.child !== undefined) {
    const r = await runSize(opts.child, opts);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const results: Summary[] = [];
  for (const size of opts.chartsOnly ? [] : opts.sizes) {
    const rows: BenchResult[] = [];
    for (let run = 1; run <= opts.runs; run++) {
      log(`bench: ${size.toLocaleString("en-US")} facts, run ${run} of ${opts.runs} ...`);
      rows.push(opts.inProcess ? await runSize(size, opts) : await runChild(size, opts));
    }
    const summary = summarizeRuns(rows as unknown as Row[]);
    results.push(summary);
    // The median of each figure, then its lowest and highest over the runs.
    if (opts.json) process.stdout.write(`${JSON.stringify({ ...summary.median, runs: summary.runs, min: summary.min, max: summary.max })}\n`);
  }
  const charts = opts.charts ? await benchCharts(Math.max(10, opts.passes * 4), log) : undefined;
  if (opts.json && charts) process.stdout.write(`${JSON.stringify(charts)}\n`);
  if (!opts.json) {
    if (results.length > 0) process.stdout.write(`\n${table(results)}\n\n(ms unless noted; median of ${opts.runs} run${opts.runs === 1 ? "" : "s"}, lowest–highest in brackets; build = load + index; reload = full reload under traffic; 1-file = one deal file edited)\n`);
    const largest = results.find((r) => (r.median.facts ?? 0) >= 100000) ?? results[results.length - 1];
    if (largest) process.stdout.write(`\n${targetReport(largest)}\n`);
    if (charts) process.stdout.write(`\n${chartRow(charts)}\n`);
  }
}

main().catch((err: unknown) => {
  log(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
