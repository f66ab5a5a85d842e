import { z } from "zod";

/**
 * Settings of the question log and feedback store, kept apart from config.ts so they merge in
 * with one line. `.env.example` and the README's settings table document each one.
 */
export const storeSettings = {
  /** The SQLite file used when DATABASE_URL is unset. */
  DB_PATH: z.string().min(1).default("var/dealdesk.db"),
  /** A PostgreSQL URL shared by every host of a sharded bot; wins over DB_PATH. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  /** off stores nothing; guild keeps question text from servers only; all keeps DM text too. */
  LOG_QUESTIONS: z.enum(["off", "guild", "all"]).default("guild"),
  /** Key of the HMAC-SHA256 that stands in for user ids. Without it nothing is logged. */
  LOG_HMAC_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  LOG_BATCH_ROWS: z.coerce.number().int().min(1).max(5000).default(200),
  LOG_QUEUE_MAX: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
};
