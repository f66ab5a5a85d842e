/**
 * A writer process for the concurrency tests: like a shard, it records COUNT questions through the
 * real QuestionLog (batched, flushed on a short timer) into DB_PATH or DATABASE_URL, then closes.
 * Environment: WRITER_PREFIX (answer id prefix), WRITER_COUNT.
 */
import { createLogger } from "../../src/logger.js";
import { QuestionLog } from "../../src/store/question-log.js";
import { StoreWriter } from "../../src/store/store-writer.js";

const prefix = process.env["WRITER_PREFIX"] ?? "w";
const count = Number(process.env["WRITER_COUNT"] ?? "1000");
const logger = createLogger({ level: "warn" });
const writer = new StoreWriter({ url: process.env["DATABASE_URL"] || undefined, path: process.env["DB_PATH"] ?? "var/test.db" }, logger);
const log = new QuestionLog(
  { LOG_QUESTIONS: "all", LOG_RETENTION_DAYS: 90, LOG_FLUSH_MS: 5, LOG_BATCH_ROWS: 25, LOG_QUEUE_MAX: 100_000, LOG_HMAC_SECRET: "writer-secret-0123456789" },
  writer,
  logger,
);
for (let i = 0; i < count; i++) {
  log.recordQuestion({
    answerId: `${prefix}${i}`, question: `question ${i} from ${prefix}`, answer: undefined, latencyMs: 1, shard: prefix === "a" ? 0 : 1,
    dataVersion: "v", userId: String(1400000000000000000n + BigInt(i)), channel: "guild",
  });
  log.recordVote({ answerId: `${prefix}${i % 10}`, userId: String(1400000000000000000n + BigInt(i)), vote: i % 2 ? "up" : "down", shard: 0 });
  // Yield now and then, so the two processes' flushes interleave.
  if (i % 50 === 0) await new Promise((r) => setTimeout(r, 1));
}
await log.close();
const s = log.stats();
console.log(JSON.stringify({ prefix, written: s.written, dropped: s.dropped, queued: s.queued, failedWrites: s.failedWrites }));
