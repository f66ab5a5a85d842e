/** The question log on SQLite: what a row holds, privacy settings, retention, and a database that goes away. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion } from "../../src/engine/answer.js";
import { openDatabase } from "../../src/store/database.js";
import { appliedMigrations, LATEST_MIGRATION } from "../../src/store/migrations.js";
import { factIdsOf, outcomeOf, type QuestionEvent } from "../../src/store/question-log.js";
import { bundledIndex } from "../helpers/bundled-index.js";
import { readRows } from "../helpers/db-files.js";
import { makeLog, tempDir } from "../helpers/question-log.js";

let answered: Answer;
let declined: Answer;
beforeAll(async () => {
  const index = await bundledIndex();
  answered = answerQuestion(index, "How much is the OpenAI AWS deal worth?").answer;
  declined = answerQuestion(index, "What is the Acme Widgets deal worth?").answer;
});

let tmp: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeEach(async () => {
  tmp = await tempDir();
  file = path.join(tmp.dir, "var", "dealdesk.db");
});
afterEach(async () => tmp.remove());

let n = 0;
const event = (over: Partial<QuestionEvent> = {}): QuestionEvent => ({
  answerId: `answer${String(n++).padStart(6, "0")}`, question: "How much is the OpenAI AWS deal worth??", answer: answered,
  latencyMs: 12.5, shard: 1, dataVersion: "v123", userId: "1400000000000000001", channel: "guild", ...over,
});

describe("question log rows", () => {
  it("creates the file, migrates it, and stores normalised text, outcome, fact ids, latency, shard, version and an HMAC", async () => {
    const { log } = makeLog(file);
    log.recordQuestion(event({ answerId: "a1" }));
    await log.close();

    const [row] = readRows<any>(file, "select * from questions");
    expect(row).toMatchObject({ id: "a1", text: "how much is the openai aws deal worth", outcome: "answered", latency_ms: 12.5, shard: 1, data_version: "v123", channel_kind: "guild" });
    expect(JSON.parse(row.fact_ids)).toContain("openai-aws-2025.value");
    expect(row.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readRows<any>(file, "pragma journal_mode")[0].journal_mode).toBe("wal");
    const store = await openDatabase({ path: file });
    expect(await appliedMigrations(store.db)).toEqual([LATEST_MIGRATION]);
    await store.close();
  });

  it("classifies outcomes: declined, rate-limited, and the engine's corrected/refused as trap", () => {
    expect(outcomeOf(declined).outcome).toBe("declined");
    expect(outcomeOf(undefined).outcome).toBe("rate_limited");
    expect(outcomeOf({ ...answered, outcome: "corrected" } as Answer)).toEqual({ outcome: "trap", kind: "corrected" });
    expect(outcomeOf({ ...answered, outcome: "refused" } as Answer).outcome).toBe("trap");
    expect(outcomeOf({ ...answered, outcome: "help" } as Answer).outcome).toBe("help");
  });

  it("takes the fact ids that are the answer from the engine's primary figures, all cited ones otherwise", () => {
    // An answer from before answers marked their primary figures (older logs): every cited one counts.
    const { primary: _given, ...unmarked } = answered;
    void _given;
    const base = { ...unmarked, figures: [
      { ...answered.figures[0]!, factId: "a.value" },
      { ...answered.figures[0]!, factId: null, computedFrom: ["b.x", "c.y"] },
      { ...answered.figures[0]!, factId: "d.duration" },
    ] } as unknown as Answer;
    expect(factIdsOf(base)).toEqual({ all: ["a.value", "b.x", "c.y", "d.duration"], primary: ["a.value", "b.x", "c.y", "d.duration"] });
    expect(factIdsOf({ ...base, primary: [1] } as Answer).primary).toEqual(["b.x", "c.y"]);
    // A declined answer marks none as the answer: the figures it offered are not logged as answers.
    expect(factIdsOf({ ...base, primary: [] } as Answer).primary).toEqual([]);
  });

  it("keeps DM text only with LOG_QUESTIONS=all", async () => {
    for (const mode of ["guild", "all"] as const) {
      const f = path.join(tmp.dir, `${mode}.db`);
      const { log } = makeLog(f, { LOG_QUESTIONS: mode });
      log.recordQuestion(event({ channel: "dm", question: "secret dm question" }));
      log.recordQuestion(event({ channel: "guild", question: "public question" }));
      await log.close();
      const texts = readRows<any>(f, "select channel_kind, text from questions order by channel_kind");
      expect(texts).toEqual([{ channel_kind: "dm", text: mode === "all" ? "secret dm question" : null }, { channel_kind: "guild", text: "public question" }]);
    }
  });
});

describe("retention", () => {
  it("purges questions and votes older than LOG_RETENTION_DAYS at start-up, and keeps newer ones", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const first = makeLog(file);
    first.log.recordQuestion(event({ answerId: "old", at: now - 31 * day }));
    first.log.recordQuestion(event({ answerId: "new", at: now - 29 * day }));
    first.log.recordVote({ answerId: "old", userId: "1400000000000000001", vote: "up", shard: 0, at: now - 31 * day });
    first.log.recordVote({ answerId: "new", userId: "1400000000000000001", vote: "down", shard: 0, at: now - 1 * day });
    await first.log.close();
    expect(readRows(file, "select id from questions")).toHaveLength(2);

    const second = makeLog(file, { LOG_RETENTION_DAYS: 30 });
    await second.log.flush();

    expect(readRows(file, "select id from questions")).toEqual([{ id: "new" }]);
    expect(readRows(file, "select answer_id from votes")).toEqual([{ answer_id: "new" }]);
    expect(second.log.stats().purged).toBe(2);
    await second.log.close();
  });
});

describe("when the database goes away", () => {
  it("notices a deleted file, opens a new one, and loses no queued row", async () => {
    const { log, lines } = makeLog(file);
    log.recordQuestion(event({ answerId: "before" }));
    await log.flush();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

    log.recordQuestion(event({ answerId: "after" }));
    await log.flush();

    expect(existsSync(file)).toBe(true);
    expect(readRows(file, "select id from questions")).toEqual([{ id: "after" }]);
    expect(lines.some((l) => l.level === "warn" && /deleted or replaced/.test(l.msg))).toBe(true);
    await log.close();
  });

  it("keeps rows in memory with one warning while the file can't be opened, and writes them once it can", async () => {
    const { log, lines } = makeLog(file);
    log.recordQuestion(event({ answerId: "q0" }));
    await log.flush();
    // Make the database unreachable: its folder becomes a plain file.
    const dir = path.dirname(file);
    renameSync(dir, `${dir}.moved`);
    writeFileSync(dir, "not a directory");

    for (let i = 1; i <= 3; i++) {
      log.recordQuestion(event({ answerId: `q${i}` }));
      await log.flush();
    }
    expect(log.stats()).toMatchObject({ queued: 3, failing: true, dropped: 0 });
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(2); // "deleted or replaced", then "cannot write"
    expect(lines.filter((l) => /cannot write/.test(l.msg))).toHaveLength(1);

    rmSync(dir);
    mkdirSync(dir);
    for (const suffix of ["", "-wal", "-shm"]) {
      const moved = path.join(`${dir}.moved`, `dealdesk.db${suffix}`);
      if (existsSync(moved)) renameSync(moved, `${file}${suffix}`);
    }
    await log.flush();
    expect(readRows(file, "select id from questions order by id")).toEqual(["q0", "q1", "q2", "q3"].map((id) => ({ id })));
    expect(lines.at(-1)?.msg).toBe("question log: database writes resumed");
    await log.close();
  });
});
