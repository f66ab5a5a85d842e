import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { migrate } from "./migrations.js";
import type { Database } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface StoreTarget {
  /** PostgreSQL URL; when set it wins over `path`. */
  readonly url?: string | undefined;
  /** SQLite file. */
  readonly path: string;
}

/** One open database, migrated to the latest schema. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where, for log lines: the SQLite path, or "postgres" (a URL may hold a password). */
  readonly where: string;
  /** True when the SQLite file we hold open was deleted or replaced: writes would go nowhere. */
  stale(): boolean;
  close(): Promise<void>;
}

/** How long a SQLite writer waits for another process's lock before the batch is retried later. */
export const SQLITE_BUSY_MS = 250;

export async function openDatabase(target: StoreTarget): Promise<OpenDatabase> {
  const opened = target.url ? await openPostgres(target.url) : openSqlite(target.path);
  try {
    await migrateWithRetry(opened);
  } catch (err) {
    await opened.close().catch(() => undefined);
    throw err;
  }
  return opened;
}

/**
 * Kysely locks PostgreSQL migrations with an advisory lock; on SQLite two shard processes that
 * start together can both try the first migration, and the loser sees "table already exists".
 * Trying again finds it applied.
 */
async function migrateWithRetry(opened: OpenDatabase, attempts = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await migrate(opened.db);
    } catch (err) {
      if (i >= attempts || opened.dialect !== "sqlite") throw err;
      await new Promise((resolve) => setTimeout(resolve, 25 * i + Math.random() * 50));
    }
  }
}

function openSqlite(file: string): OpenDatabase {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file, { timeout: SQLITE_BUSY_MS });
  try {
    // WAL: readers never block the writer, and several shard processes can share the file.
    sqlite.pragma("journal_mode = WAL");
    // NORMAL under WAL: a commit does not fsync (a power cut may lose the last batches, never corrupt).
    sqlite.pragma("synchronous = NORMAL");
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const inode = statSync(file).ino;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: "sqlite",
    where: file,
    stale: () => {
      try {
        return statSync(file).ino !== inode;
      } catch {
        return true;
      }
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  // Loaded only for PostgreSQL: the SQLite writer thread starts faster without it.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server emits on the pool; the next query reports the problem.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", where: "postgres", stale: () => false, close: () => db.destroy() };
}
