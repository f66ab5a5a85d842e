import { loadKnowledgeBase } from "../kb/load.js";
import { formatCounts, summarize } from "../kb/summary.js";
import { formatLoadError } from "../kb/types.js";
import { quietOnClosedPipe } from "./run-cli.js";

/** `npm run validate [-- --json] [dir]`: check every data file, name each problem by file and path, and print a summary. */
quietOnClosedPipe();
const args = process.argv.slice(2);
const json = args.includes("--json");
const dir = args.find((a) => !a.startsWith("--")) ?? (process.env.DATA_DIR?.trim() || "data");

const result = await loadKnowledgeBase(dir);
if (result.ok) {
  const s = summarize(result.kb);
  if (json) console.log(JSON.stringify({ ok: true, ...s, errors: [] }));
  else {
    console.log(
      `ok: ${s.deals} deals, ${s.facts} facts, ${s.sources} sources, ${s.entities} entities, ${s.disputed} disputed figures (data version ${result.kb.version})`,
    );
    console.log(`deals by type: ${formatCounts(s.dealsByType)}`);
    console.log(`deals by year: ${formatCounts(s.dealsByYear)}`);
  }
} else {
  const byFile = new Map<string, number>();
  for (const e of result.errors) byFile.set(e.file, (byFile.get(e.file) ?? 0) + 1);
  if (json) {
    console.log(
      JSON.stringify({ ok: false, deals: 0, facts: 0, sources: 0, entities: 0, disputed: 0, dealsByType: {}, dealsByYear: {}, errors: result.errors }),
    );
  } else {
    console.error(`${result.errors.length} error${result.errors.length === 1 ? "" : "s"} in ${byFile.size} file${byFile.size === 1 ? "" : "s"} of ${dir}:`);
    for (const e of result.errors) console.error(`  ${formatLoadError(e)}`);
  }
  process.exitCode = 1;
}
