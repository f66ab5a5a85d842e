/** Renders the example charts in docs/charts/ from real questions against the bundled data. */
import { writeFile } from "node:fs/promises";
import { answerQuestion } from "../src/engine/answer.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { companyCard } from "../src/engine/cards.js";
import { findCompany } from "../src/engine/lookup.js";
import { chartSpecFor, renderChartPng } from "../src/render/chart/index.js";

const index = await openIndex("data");
const examples: Array<[string, () => ReturnType<typeof answerQuestion>["answer"] | undefined, string?]> = [
  ["compare", () => answerQuestion(index, "compare the oracle and aws deals").answer],
  ["ranking", () => answerQuestion(index, "biggest OpenAI deals").answer],
  ["ranking-gigawatts", () => answerQuestion(index, "which deals have the most gigawatts").answer],
  ["total", () => answerQuestion(index, "how much has OpenAI committed in total?").answer],
  ["company-timeline", () => { const c = findCompany(index, "OpenAI"); return c && companyCard(index, c); }, "OpenAI"],
  ["disputed-range", () => answerQuestion(index, "how much is the microsoft nscale deal across europe and the us worth").answer],
];
for (const [name, make, subject] of examples) {
  const answer = make();
  const spec = answer && chartSpecFor(answer, index.kb, subject ? { subject } : {});
  if (!spec) {
    console.log(`${name}: no chart`);
    continue;
  }
  const { png, width, height } = renderChartPng(spec);
  await writeFile(`docs/charts/${name}.png`, png);
  console.log(`docs/charts/${name}.png ${width}x${height} — ${spec.alt}`);
}
