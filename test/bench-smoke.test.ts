import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { benchQuestions, MIX } from "../bench/questions.js";
import { writeSyntheticKb } from "../bench/synthetic.js";
import { loadKnowledgeBase } from "../src/kb/load.js";
import { formatLoadError } from "../src/kb/types.js";

/** Smoke tests only: the benchmark runs and its output has the right shape. No timing assertions. */

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const KEYS = [
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
] as const;

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dealdesk-bench-test-"));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const abs = path.join(dir, rel);
    if (/\.ya?ml$/.test(rel)) out.set(rel, await readFile(abs, "utf8"));
  }
  return out;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("synthetic knowledge base", () => {
  it("is the same, byte for byte, for the same seed", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeSyntheticKb(a, 1000, 7);
    await writeSyntheticKb(b, 1000, 7);
    const [fa, fb] = [await filesUnder(a), await filesUnder(b)];
    expect(fa.size).toBeGreaterThan(10);
    expect([...fa.keys()]).toEqual([...fb.keys()]);
    for (const [rel, text] of fa) expect(fb.get(rel), rel).toBe(text);
  });

  it("differs for another seed", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeSyntheticKb(a, 1000, 7);
    await writeSyntheticKb(b, 1000, 8);
    expect(await filesUnder(a)).not.toEqual(await filesUnder(b));
  });

  it("is accepted by the real loader at 1k facts, with questions of every kind", async () => {
    const dir = await tempDir();
    await writeSyntheticKb(dir, 1000, 42);
    const result = await loadKnowledgeBase(dir);
    if (!result.ok) throw new Error(result.errors.slice(0, 20).map(formatLoadError).join("\n"));
    expect(result.kb.facts.size).toBe(1000);
    expect(result.kb.disputes.size).toBeGreaterThan(0);
    expect([...result.kb.facts.values()].some((f) => f.supersedes !== undefined)).toBe(true);

    const questions = benchQuestions(result.kb, 200, 42);
    expect(questions).toHaveLength(200);
    expect(benchQuestions(result.kb, 200, 42)).toEqual(questions);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(MIX.map(([k]) => k)));
  }, 60_000);
});

describe("npm run bench", () => {
  it("completes for 1k facts and prints one JSON object of numbers per size, then the chart-rendering row", async () => {
    const { code, stdout, stderr } = await run("npx", ["tsx", "bench/run.ts", "--sizes", "1000", "--json", "--passes", "1", "--runs", "1"]);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const key of KEYS) expect(typeof result[key], key).toBe("number");
    // Each figure is the median over the runs, with the lowest and highest beside it.
    expect(result.runs).toBe(1);
    for (const key of KEYS) expect(typeof (result.min as Record<string, unknown>)[key], `min.${key}`).toBe("number");
    for (const key of KEYS) expect(typeof (result.max as Record<string, unknown>)[key], `max.${key}`).toBe("number");
    expect(result.facts).toBe(1000);
    const charts = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(charts.chart).toBe("render");
    for (const key of ["renderP50Ms", "renderP95Ms", "renderCpuP95Ms", "workerP95Ms", "mainThreadMaxMs"]) expect(typeof charts[key], key).toBe("number");
    expect(charts.charts).toBe(6);
  }, 180_000);
});
