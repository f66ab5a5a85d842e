import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answer } from "../engine/answer-model.js";
import type { SearchIndex } from "../engine/search-index.js";
import { chartSpecFor, renderChartPng } from "../render/chart/index.js";

/** Writes the answer's chart to `file` and returns its alt text, or undefined when the answer has no chart. */
export async function writeChart(answer: Answer, index: SearchIndex, file: string, subject?: string): Promise<string | undefined> {
  const spec = chartSpecFor(answer, index.kb, subject ? { subject } : {});
  if (!spec) return undefined;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, renderChartPng(spec).png);
  return spec.alt;
}
