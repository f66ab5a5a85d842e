import { createInterface } from "node:readline";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../engine/answer.js";
import { cacheDirFor, openIndex } from "../engine/bootstrap.js";
import { toJson } from "../render/json.js";
import { renderPlain } from "../render/plain.js";
import { writeChart } from "./chart-file.js";
import { runCli } from "./run-cli.js";

const USAGE = `Usage:
  npm run ask -- "How much is OpenAI's AWS deal worth?"
  npm run ask -- --json "question"          one JSON object
  npm run ask -- --batch [--conversation]   one question per stdin line, one JSON object per line
  npm run ask -- --chart out.png "question" also write the answer's chart (comparisons, rankings, totals, lists)`;

runCli(async (config) => {
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === "--chart" || a.startsWith("--chart="));
  const chartFile = at === -1 ? undefined : argv[at]!.startsWith("--chart=") ? argv[at]!.slice("--chart=".length) : argv[at + 1];
  if (at !== -1 && (!chartFile || chartFile.startsWith("--"))) {
    console.error(`--chart needs a file name\n${USAGE}`);
    return 2;
  }
  const args = at === -1 ? argv : argv.filter((_, i) => i !== at && (i !== at + 1 || argv[at]!.includes("=")));
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => !["--json", "--batch", "--conversation", "--help"].includes(f));
  if (flags.has("--help") || unknown.length > 0) {
    if (unknown.length > 0) console.error(`Unknown option ${unknown.join(", ")}`);
    console.error(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const question = args.filter((a) => !a.startsWith("--")).join(" ");
  if (!flags.has("--batch") && !question.trim()) {
    console.error(USAGE);
    return 2;
  }
  const index = await openIndex(config.DATA_DIR, { cacheDir: cacheDirFor(config.KB_CACHE_DIR) });

  if (flags.has("--batch")) {
    let context: ConversationContext = EMPTY_CONTEXT;
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const turn = answerQuestion(index, line, flags.has("--conversation") ? context : EMPTY_CONTEXT);
      context = turn.context;
      process.stdout.write(`${JSON.stringify(toJson(turn.answer))}\n`);
    }
    return 0;
  }
  const { answer } = answerQuestion(index, question);
  console.log(flags.has("--json") ? JSON.stringify(toJson(answer), null, 2) : renderPlain(answer));
  if (chartFile) {
    const alt = await writeChart(answer, index, chartFile);
    console.error(alt ? `Chart written to ${chartFile}: ${alt}` : "This answer has no chart (charts are drawn for comparisons, rankings, totals and lists).");
  }
  return 0;
});
