import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

/**
 * Versioned migrations, run at start-up by Kysely's Migrator on SQLite and PostgreSQL alike.
 * Append new ones; never edit one that has shipped. Names sort in the order they apply.
 */
const MIGRATIONS: Record<string, Migration> = {
  "0001_questions_and_votes": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("questions")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("asked_at", "double precision", (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("outcome", "varchar(16)", (c) => c.notNull())
        .addColumn("answer_kind", "varchar(32)", (c) => c.notNull())
        .addColumn("fact_ids", "text", (c) => c.notNull())
        .addColumn("primary_fact_ids", "text", (c) => c.notNull())
        .addColumn("latency_ms", "double precision", (c) => c.notNull())
        .addColumn("shard", "integer", (c) => c.notNull())
        .addColumn("data_version", "varchar(64)", (c) => c.notNull())
        .addColumn("user_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("channel_kind", "varchar(8)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("questions_asked_at").on("questions").column("asked_at").execute();
      await db.schema.createIndex("questions_outcome_asked_at").on("questions").columns(["outcome", "asked_at"]).execute();
      await db.schema
        .createTable("votes")
        .addColumn("answer_id", "varchar(32)", (c) => c.notNull())
        .addColumn("user_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("vote", "varchar(8)", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("correction", "text")
        .addColumn("voted_at", "double precision", (c) => c.notNull())
        .addColumn("shard", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("votes_pk", ["answer_id", "user_hash"])
        .execute();
      await db.schema.createIndex("votes_voted_at").on("votes").column("voted_at").execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("votes").execute();
      await db.schema.dropTable("questions").execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? "";

/** Bring the schema up to date; throws with the failing migration's name. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "the migration table";
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** For tests: what the database says it has applied. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
