import { openIndex } from "../engine/bootstrap.js";
import { accuracy, readEvalCases, runEval } from "../eval/run-eval.js";
import { renderBody } from "../render/plain.js";
import { runCli } from "./run-cli.js";

/** `npm run eval [-- file.yaml] [--verbose]`: accuracy on the project's own question set, and each failure. */
runCli(async (config) => {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--")) ?? "eval/questions.yaml";
  const results = runEval(await openIndex(config.DATA_DIR), await readEvalCases(file));
  const failures = results.filter((r) => r.problems.length > 0);
  for (const f of failures) {
    console.log(`✗ ${f.case.q}\n    ${f.problems.join("; ")}`);
    if (args.includes("--verbose")) console.log(renderBody(f.answer).replace(/^/gm, "      | "));
  }
  const passed = results.length - failures.length;
  console.log(`\naccuracy ${(accuracy(results) * 100).toFixed(1)}% (${passed} of ${results.length} questions)`);
  return 0;
});
