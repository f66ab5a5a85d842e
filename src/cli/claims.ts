import { writeFile } from "node:fs/promises";
import path from "node:path";
import { CLAIMS_FILE, renderClaims } from "../kb/claims.js";
import { loadKnowledgeBase } from "../kb/load.js";
import { formatLoadError } from "../kb/types.js";

/** `npm run claims [dir]`: write <dir>/claims.txt, one reviewable line per fact. */
const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "data";
const result = await loadKnowledgeBase(dir);
if (!result.ok) {
  console.error(`cannot write claims: ${result.errors.length} error(s) in ${dir}; run npm run validate`);
  for (const e of result.errors.slice(0, 20)) console.error(`  ${formatLoadError(e)}`);
  process.exitCode = 1;
} else {
  const out = dir === "data" ? CLAIMS_FILE : path.join(dir, path.basename(CLAIMS_FILE));
  await writeFile(out, renderClaims(result.kb));
  console.log(`wrote ${out}: ${result.kb.facts.size} claims`);
}
