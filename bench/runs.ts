/** Several runs of one size, each figure reported as the median with the lowest and highest, so that noise shows. */

export type Row = Readonly<Record<string, number>>;

export interface Summary {
  readonly median: Row;
  readonly min: Row;
  readonly max: Row;
  readonly runs: number;
}

export function summarize(rows: readonly Row[]): Summary {
  const keys = Object.keys(rows[0] ?? {});
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const pick = (f: (sorted: number[]) => number) => Object.fromEntries(keys.map((k) => [k, round2(f(rows.map((r) => r[k] ?? 0).sort((a, b) => a - b)))]));
  return {
    median: pick((s) => (s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2)),
    min: pick((s) => s[0]!),
    max: pick((s) => s[s.length - 1]!),
    runs: rows.length,
  };
}

/** "412 (398–455)": the median, then the range over the runs. */
export function withRange(s: Summary, key: string, digits: number): string {
  const f = (n: number | undefined) => (n ?? 0).toFixed(digits);
  return s.runs > 1 ? `${f(s.median[key])} (${f(s.min[key])}–${f(s.max[key])})` : f(s.median[key]);
}
