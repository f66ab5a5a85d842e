import type { BenchKind, BenchQuestion } from "./questions.js";

/** Answer timing for the benchmark: samples per question, percentiles and a breakdown by kind. */

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Timed {
  q: BenchQuestion;
  ms: number;
}

export function timeAll(questions: readonly BenchQuestion[], passes: number, fn: (q: string) => unknown, warm?: (q: BenchQuestion, result: unknown) => void): Timed[] {
  for (const q of questions) {
    const r = fn(q.text); // warm-up: JIT, lazy caches
    warm?.(q, r);
  }
  const out: Timed[] = [];
  for (let p = 0; p < passes; p++) {
    for (const q of questions) {
      const t = performance.now();
      fn(q.text);
      out.push({ q, ms: performance.now() - t });
    }
  }
  return out;
}

export function describeKinds(samples: readonly Timed[], answered: ReadonlyMap<BenchQuestion, boolean>): string {
  const byKind = new Map<BenchKind, number[]>();
  for (const s of samples) byKind.set(s.q.kind, [...(byKind.get(s.q.kind) ?? []), s.ms]);
  const rows = [...byKind.entries()]
    .map(([kind, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const qs = [...new Set(samples.filter((x) => x.q.kind === kind).map((x) => x.q))];
      const ok = qs.filter((q) => answered.get(q)).length;
      return { kind, n: ms.length, ok: `${ok}/${qs.length}`, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0, mean: ms.reduce((a, b) => a + b, 0) / ms.length };
    })
    .sort((a, b) => b.mean - a.mean);
  return rows.map((r) => `    ${r.kind.padEnd(10)} n=${String(r.n).padStart(4)}  answered ${r.ok.padStart(7)}  mean ${r.mean.toFixed(2).padStart(7)}  p50 ${r.p50.toFixed(2).padStart(7)}  p99 ${r.p99.toFixed(2).padStart(7)}  max ${r.max.toFixed(2).padStart(7)} ms`).join("\n");
}
