import { existsSync } from "node:fs";
import { ConfigError } from "../config/config.js";
import { readInsights } from "../insights/insights.js";
import { insightsText, unansweredCsv } from "../insights/render.js";
import { openDatabase } from "../store/database.js";
import { runCli } from "./run-cli.js";

const USAGE = `Usage:
  npm run insights [-- --days N]        the report: top unanswered questions, facts marked wrong, outcomes, latency
  npm run insights -- --csv [--days N]  every unanswered question group as CSV on stdout
Reads DATABASE_URL when set, else DB_PATH (default var/dealdesk.db). Default --days 7.`;

/** `npm run insights`: what curators should look at, from the question log. */
runCli(async (config) => {
  const args = process.argv.slice(2);
  const daysAt = args.indexOf("--days");
  const days = daysAt === -1 ? 7 : Number(args[daysAt + 1]);
  const known = new Set(["--days", "--csv", "--json", "--help"]);
  const unknown = args.filter((a, i) => a.startsWith("--") ? !known.has(a) : i !== daysAt + 1 || daysAt === -1);
  if (args.includes("--help") || unknown.length > 0 || !Number.isInteger(days) || days < 1 || days > 3650) {
    if (unknown.length > 0) console.error(`Unknown argument ${unknown.join(", ")}`);
    else if (!args.includes("--help")) console.error("--days needs a whole number of days from 1 to 3650");
    console.error(USAGE);
    return args.includes("--help") ? 0 : 2;
  }
  if (!config.DATABASE_URL && !existsSync(config.DB_PATH)) throw new ConfigError(`No question log at ${config.DB_PATH} (DB_PATH). Is the bot logging (LOG_QUESTIONS, LOG_HMAC_SECRET)?`);
  const store = await openDatabase({ url: config.DATABASE_URL, path: config.DB_PATH });
  try {
    const insights = await readInsights(store.db, days);
    if (args.includes("--csv")) process.stdout.write(unansweredCsv(insights));
    else if (args.includes("--json")) console.log(JSON.stringify(insights, null, 2));
    else console.log(insightsText(insights));
  } finally {
    await store.close();
  }
  return 0;
});
