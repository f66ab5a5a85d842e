/** A QuestionLog on a throw-away SQLite file (or a given PostgreSQL URL), with its log lines captured. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLogger } from "../../src/logger.js";
import { QuestionLog } from "../../src/store/question-log.js";
import { StoreWriter } from "../../src/store/store-writer.js";

export type Line = { level: string; msg: string; [k: string]: unknown };
export const SECRET = "unit-test-hmac-secret-0123";

export interface LogSettings {
  LOG_QUESTIONS?: "guild" | "all";
  LOG_RETENTION_DAYS?: number;
  url?: string;
  path?: string;
  now?: () => number;
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "dealdesk-store-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function makeLog(file: string, s: LogSettings = {}): { log: QuestionLog; lines: Line[] } {
  const lines: Line[] = [];
  const logger = createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l) as Line) });
  const writer = new StoreWriter({ url: s.url, path: s.path ?? file }, logger);
  const log = new QuestionLog(
    {
      LOG_QUESTIONS: s.LOG_QUESTIONS ?? "guild",
      LOG_RETENTION_DAYS: s.LOG_RETENTION_DAYS ?? 90,
      LOG_FLUSH_MS: 60_000,
      LOG_BATCH_ROWS: 500,
      LOG_QUEUE_MAX: 10_000,
      LOG_HMAC_SECRET: SECRET,
    },
    writer,
    logger,
    s.now,
  );
  return { log, lines };
}
