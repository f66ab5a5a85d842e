/** Two shard processes write to one SQLite file at once (WAL): every row lands, none twice. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv, killChildren, spawnTsx, within } from "../e2e/harness.js";
import { readRows } from "../helpers/db-files.js";
import { tempDir } from "../helpers/question-log.js";

afterEach(killChildren);

const PER_WRITER = 2000;

describe("concurrent writers on SQLite", () => {
  it(`two processes × ${PER_WRITER} questions and votes: the row counts are exact`, async () => {
    const tmp = await tempDir();
    try {
      const env = childEnv({ DB_PATH: path.join(tmp.dir, "shared.db"), DATABASE_URL: "" });
      const writers = ["a", "b"].map((p) => spawnTsx("test/helpers/log-writer.ts", { ...env, WRITER_PREFIX: p, WRITER_COUNT: String(PER_WRITER) }, undefined, true));
      const runs = await Promise.all(writers.map((w, i) => within(w.exited, `writer ${i}`, 60_000)));
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout.trim())).toMatchObject({ dropped: 0, queued: 0 });
      }
      const file = path.join(tmp.dir, "shared.db");
      expect(readRows<any>(file, "select count(*) as n, count(distinct id) as d from questions")[0]).toEqual({ n: 2 * PER_WRITER, d: 2 * PER_WRITER });
      // Each writer votes on its first 10 answers with PER_WRITER users each: 10 × PER_WRITER / 10 distinct pairs.
      expect(readRows<any>(file, "select count(*) as n from votes")[0].n).toBe(2 * PER_WRITER);
    } finally {
      await tmp.remove();
    }
  }, 90_000);
});
