/**
 * The same store code on a real PostgreSQL server: migrations, the question log, votes, the
 * retention purge, insights, and two writer processes at once. Needs DATABASE_URL_TEST
 * (.ci/run starts a server and sets it); skipped with a message otherwise.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { readInsights } from "../../src/insights/insights.js";
import { openDatabase, type OpenDatabase } from "../../src/store/database.js";
import { appliedMigrations, LATEST_MIGRATION } from "../../src/store/migrations.js";
import { childEnv, killChildren, spawnTsx, within } from "../e2e/harness.js";
import { makeLog } from "../helpers/question-log.js";

const url = process.env["DATABASE_URL_TEST"];
if (!url) console.warn("test/store/postgres.test.ts: SKIPPED, DATABASE_URL_TEST is unset (bash .ci/postgres.sh starts a server and prints its URL)");

let store: OpenDatabase;
async function reset(db: OpenDatabase["db"]): Promise<void> {
  await sql`drop table if exists votes, questions, kysely_migration, kysely_migration_lock`.execute(db);
}

describe.skipIf(!url)("PostgreSQL", () => {
  beforeAll(async () => {
    store = await openDatabase({ url, path: "unused" });
    await reset(store.db);
    await store.close();
    store = await openDatabase({ url, path: "unused" });
  });
  afterAll(async () => store?.close());
  afterEach(killChildren);

  it("runs the migrations at start-up", async () => {
    expect(store.dialect).toBe("postgres");
    expect(await appliedMigrations(store.db)).toEqual([LATEST_MIGRATION]);
  });

  it("logs questions, upserts votes, purges by age and reports insights, through the same code as SQLite", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const { log } = makeLog("unused", { url: url! });
    const ask = (answerId: string, question: string, outcome: "answered" | "declined", at = now) =>
      log.recordQuestion({
        answerId, question, latencyMs: 10, shard: 0, dataVersion: "v", userId: "1400000000000000001", channel: "guild", at,
        answer: { question, answered: outcome === "answered", kind: "figure", lines: [], sources: [], suggestions: [], figures: outcome === "answered" ? [{ factId: "deal.value", dealId: "deal", metric: "value", value: 1, unit: "USD", qualifier: "none", display: "$1", sources: [] }] : [] } as never,
      });
    ask("pg1", "What is the Acme deal worth?", "declined");
    ask("pg2", "what's the acme deal worth", "declined");
    ask("pg3", "How much is the OpenAI AWS deal worth?", "answered");
    ask("pgold", "an old question", "declined", now - 200 * day);
    log.recordVote({ answerId: "pg3", userId: "1400000000000000001", vote: "up", shard: 0 });
    log.recordVote({ answerId: "pg3", userId: "1400000000000000001", vote: "down", comment: "outdated", shard: 0 });
    await log.flush();
    log.purge();
    await log.close();

    const count = await store.db.selectFrom("questions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    const votes = await store.db.selectFrom("votes").selectAll().execute();
    expect(votes).toMatchObject([{ answer_id: "pg3", vote: "down", comment: "outdated" }]);
    const insights = await readInsights(store.db, 7);
    expect(insights.unanswered).toMatchObject([{ count: 2 }]);
    expect(insights.wrongFacts).toEqual([{ factId: "deal.value", count: 1, comments: ["outdated"] }]);
    expect(insights.latency).toEqual({ median: 10, p95: 10 });
  });

  it("takes two writer processes at once without losing a row", async () => {
    await store.db.deleteFrom("questions").execute();
    const env = childEnv({ DATABASE_URL: url!, WRITER_COUNT: "1500" });
    const runs = await Promise.all(["a", "b"].map((p) => within(spawnTsx("test/helpers/log-writer.ts", { ...env, WRITER_PREFIX: p }, undefined, true).exited, `writer ${p}`, 60_000)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const row = await store.db.selectFrom("questions").select((eb) => [eb.fn.countAll().as("n"), eb.fn.count("id").distinct().as("d")]).executeTakeFirstOrThrow();
    expect([Number(row.n), Number(row.d)]).toEqual([3000, 3000]);
  }, 90_000);
});
