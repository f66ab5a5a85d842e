/** The question log's settings: defaults, bad values named, secrets never echoed. */
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logger.js";
import { QuestionLog } from "../../src/store/question-log.js";

describe("question log settings", () => {
  it("defaults: guild text only, 90 days, var/dealdesk.db, no PostgreSQL", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ LOG_QUESTIONS: "guild", LOG_RETENTION_DAYS: 90, DB_PATH: "var/dealdesk.db", LOG_FLUSH_MS: 1000, LOG_BATCH_ROWS: 200, LOG_QUEUE_MAX: 10_000 });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("names a bad setting without echoing a secret or a database URL", () => {
    const bad = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error("accepted");
    };
    expect(bad({ LOG_QUESTIONS: "dm" })).toMatch(/LOG_QUESTIONS/);
    const short = bad({ LOG_HMAC_SECRET: "hunter2-short" });
    expect(short).toMatch(/LOG_HMAC_SECRET: must be at least 16 characters/);
    expect(short).not.toContain("hunter2");
    const url = bad({ DATABASE_URL: "mysql://root:pa55word@db/x" });
    expect(url).toMatch(/DATABASE_URL/);
    expect(url).not.toContain("pa55word");
  });

  it("logs nothing without LOG_HMAC_SECRET, and says so once", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", write: (l) => lines.push(l) });
    expect(QuestionLog.fromConfig(parseConfig({}), logger)).toBeUndefined();
    expect(QuestionLog.fromConfig(parseConfig({ LOG_QUESTIONS: "off", LOG_HMAC_SECRET: "x".repeat(20) }), logger)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/set LOG_HMAC_SECRET/);
  });
});
