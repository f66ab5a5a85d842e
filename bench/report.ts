import { type Summary, withRange } from "./runs.js";

/** Targets at 100k facts on the reference 2-core machine (issue 14). */
export const TARGETS = {
  answerP50Ms: 1,
  answerP99Ms: 10,
  buildMs: 4000,
  cachedBuildMs: 2500,
  heapMB: 400,
  reloadMaxLoopDelayMs: 30,
  incrementalReloadMs: 200,
  incrementalReloadMaxLoopDelayMs: 20,
};

export function table(results: readonly Summary[]): string {
  const cols: Array<[string, (r: Summary) => string]> = [
    ["facts", (r) => (r.median.facts ?? 0).toLocaleString("en-US")],
    ["build ms", (r) => withRange(r, "buildMs", 0)],
    ["cached build ms", (r) => withRange(r, "cachedBuildMs", 0)],
    ["heap MB", (r) => withRange(r, "heapMB", 1)],
    ["rss MB", (r) => withRange(r, "rssMB", 1)],
    ["answer p50", (r) => withRange(r, "answerP50Ms", 2)],
    ["answer p99", (r) => withRange(r, "answerP99Ms", 2)],
    ["answer max", (r) => withRange(r, "answerMaxMs", 2)],
    ["naive p50", (r) => withRange(r, "naiveP50Ms", 2)],
    ["naive p99", (r) => withRange(r, "naiveP99Ms", 2)],
    ["reload ms", (r) => withRange(r, "reloadMs", 0)],
    ["reload loop max", (r) => withRange(r, "reloadMaxLoopDelayMs", 1)],
    ["1-file reload ms", (r) => withRange(r, "incrementalReloadMs", 0)],
    ["1-file loop max", (r) => withRange(r, "incrementalReloadMaxLoopDelayMs", 1)],
  ];
  const cells = [cols.map(([h]) => h), ...results.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return [fmt(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(fmt)].join("\n");
}

export function targetReport(s: Summary): string {
  const r = s.median;
  const v = (k: string) => r[k] ?? 0;
  const checks: Array<[string, boolean, string]> = [
    ["answer p50 <= 1 ms", v("answerP50Ms") <= TARGETS.answerP50Ms, `${v("answerP50Ms")} ms`],
    ["answer p99 <= 10 ms", v("answerP99Ms") <= TARGETS.answerP99Ms, `${v("answerP99Ms")} ms`],
    ["answer p99 <= naive p99", v("answerP99Ms") <= v("naiveP99Ms"), `${v("answerP99Ms")} vs ${v("naiveP99Ms")} ms`],
    ["build <= 4 s", v("buildMs") <= TARGETS.buildMs, `${v("buildMs")} ms`],
    ["build from cache <= 2.5 s", v("cachedBuildMs") <= TARGETS.cachedBuildMs, `${v("cachedBuildMs")} ms`],
    ["heap <= 400 MB", v("heapMB") <= TARGETS.heapMB, `${v("heapMB")} MB`],
    ["reload max loop delay <= 30 ms", v("reloadMaxLoopDelayMs") <= TARGETS.reloadMaxLoopDelayMs, `${v("reloadMaxLoopDelayMs")} ms`],
    ["1-file reload <= 200 ms", v("incrementalReloadMs") <= TARGETS.incrementalReloadMs, `${v("incrementalReloadMs")} ms`],
    ["1-file reload loop delay <= 20 ms", v("incrementalReloadMaxLoopDelayMs") <= TARGETS.incrementalReloadMaxLoopDelayMs, `${v("incrementalReloadMaxLoopDelayMs")} ms`],
  ];
  return [`Targets at ${v("facts").toLocaleString("en-US")} facts (median of ${s.runs} run${s.runs === 1 ? "" : "s"}):`, ...checks.map(([name, ok, got]) => `  ${ok ? "met   " : "MISSED"}  ${name.padEnd(34)} ${got}`)].join("\n");
}
