import { parseArgs } from "node:util";
import { cacheDirFor, openIndex } from "../engine/bootstrap.js";
import { readBlindSet, runBlind, summarise } from "../eval/run-blind.js";
import { renderBody } from "../render/plain.js";
import { runCli } from "./run-cli.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `npm run eval [-- --set dev|test|all] [--verbose] [--json]`: the blind question sets
 * (eval/blind/): accuracy on answerable questions, confidently wrong answers, trap handling,
 * and accuracy per kind, for each set. Tune on dev; test is only reported.
 */
runCli(async (config) => {
  const { values } = parseArgs({ options: { set: { type: "string", default: "all" }, verbose: { type: "boolean", default: false }, json: { type: "boolean", default: false } }, allowPositionals: true });
  const sets = values.set === "all" ? ["dev", "test"] : [values.set ?? "dev"];
  const index = await openIndex(config.DATA_DIR, { cacheDir: cacheDirFor(config.KB_CACHE_DIR) });
  const reports: Record<string, unknown> = {};
  for (const set of sets) {
    const results = runBlind(index, await readBlindSet(`eval/blind/${set}.yaml`));
    const r = summarise(results);
    reports[set] = r;
    if (values.json) continue;
    if (values.verbose) {
      for (const g of results.filter((x) => x.verdict !== "right")) {
        console.log(`✗ [${g.item.id} ${g.verdict}] ${g.item.q}\n    ${g.why}${g.item.about ? ` — ${g.item.about}` : ""}`);
        console.log(renderBody(g.answer).replace(/^/gm, "      | "));
      }
    }
    console.log(`\n${set}: answerable ${pct(r.accuracy)} (${r.right}/${r.answerable}), confidently wrong ${r.confidentlyWrong} (${pct(r.confidentlyWrongRate)}), declined ${r.declined}; traps handled ${pct(r.trapRate)} (${r.trapsHandled}/${r.traps})`);
    for (const [k, v] of Object.entries(r.byKind).sort()) console.log(`  ${k.padEnd(24)} ${pct(v.right / v.n).padStart(6)}  (${v.right}/${v.n})`);
  }
  if (values.json) console.log(JSON.stringify(reports, null, 2));
  return 0;
});
