/**
 * Phase timings for profiling (not part of `npm run bench`): `tsx bench/profile-phases.ts DIR [--gen N] [--phase cold|cached|reload|all]`.
 * Times a cold load + index + warm, a start from the cache, and a one-file diff reload, each with its max loop delay.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openIndex } from "../src/engine/bootstrap.js";
import { LiveIndex } from "../src/engine/live-index.js";
import { buildIndex } from "../src/engine/search-index.js";
import { warmIndex } from "../src/engine/warm-index.js";
import { loadKnowledgeBase } from "../src/kb/load.js";
import { editOneDeal } from "./reload-measures.js";
import { writeSyntheticKb } from "./synthetic.js";

const args = process.argv.slice(2);
const dir = path.resolve(args[0] ?? "/tmp/perf/kb100k");
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const phase = flag("--phase") ?? "all";
const gen = Number(flag("--gen") ?? 100000);
const log = (s: string) => process.stderr.write(`${s}\n`);

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await f();
  h.disable();
  const used = process.cpuUsage(cpu);
  log(`${label}: ${Math.round(performance.now() - t)} ms (cpu ${Math.round((used.user + used.system) / 1000)} ms), max loop delay ${(h.max / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms`);
  return r;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(dir, "deals"))) await writeSyntheticKb(dir, gen, 42);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (phase === "cold" || phase === "all") {
    const loaded = await timed("cold load", () => loadKnowledgeBase(dir));
    if (!loaded.ok) throw new Error("load failed");
    const index = await timed("build index", () => buildIndex(loaded.kb));
    await timed("warm", () => warmIndex(index));
  }
  const cacheDir = path.join(dir, ".cache");
  if (phase === "cached" || phase === "reload" || phase === "all") {
    if (!existsSync(cacheDir) || phase === "all") {
      await rm(cacheDir, { recursive: true, force: true });
      await timed("first start writing cache", () => openIndex(dir, { cacheDir }));
    }
    gc?.();
    const index = await timed("cached start", () => openIndex(dir, { cacheDir, log }));
    gc?.();
    log(`heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`);
    if (phase === "cached") return;
    const live = new LiveIndex(index, dir);
    await new Promise((r) => setTimeout(r, 2100));
    const edit = await editOneDeal(dir, 42);
    const rep = await timed("one-file reload", () => live.reload());
    await edit.restore();
    log(`  how ${rep.ok ? rep.how : "failed"}`);
    await new Promise((r) => setTimeout(r, 2100));
    await timed("one-file reload back", () => live.reload());
    if (phase === "all") await timed("full reload", () => live.reload({ rebuild: true }));
  }
}
main().catch((e: unknown) => { log(String(e instanceof Error ? e.stack : e)); process.exit(1); });
