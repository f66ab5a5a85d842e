import { loadKnowledgeBase } from "../kb/load.js";
import { summarize } from "../kb/summary.js";
import { formatLoadError } from "../kb/types.js";

/** `npm run validate [-- --json] [dir]`: check every data file and print a summary. */
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
  }
} else {
  if (json) {
    console.log(JSON.stringify({ ok: false, deals: 0, facts: 0, sources: 0, entities: 0, disputed: 0, errors: result.errors }));
  } else {
    console.error(`${result.errors.length} error${result.errors.length === 1 ? "" : "s"} in ${dir}:`);
    for (const e of result.errors) console.error(`  ${formatLoadError(e)}`);
  }
  process.exitCode = 1;
}
