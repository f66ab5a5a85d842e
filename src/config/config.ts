import { z } from "zod";
import { storeSettings } from "./store-settings.js";

/** Every setting, validated once at start-up. `.env.example` documents each one. */
const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17-20 digits)");
const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));

export const configSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://discord.com/api"),
  ADMIN_USER_IDS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(snowflake)),
  DATA_DIR: z.string().min(1).default("data"),
  /** Where the validated, parsed knowledge base is cached between starts; "off" for none, "" for the temp folder. */
  KB_CACHE_DIR: z.string().default(""),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1000).default(10),
  RATE_LIMIT_REFILL_SECONDS: z.coerce.number().min(0.1).max(86_400).default(6),
  CONVERSATION_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SHARD_COUNT: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(1000)]).optional(),
  SHARD_IDS: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.split(",").map((x) => Number(x.trim()))))
    .pipe(z.array(z.number().int().min(0)).optional()),
  DATA_WATCH: bool.default(false),
  DATA_WATCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  RELOAD_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  RELOAD_MAX_MEMORY_MB: z.coerce.number().int().min(16).max(65_536).default(1024),
  RELOAD_MAX_DROP_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  SHARD_SPAWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(5500),
  ...storeSettings,
});

export type Config = z.output<typeof configSchema>;

/** Settings whose value never appears in an error message. */
const SECRET_SETTINGS = new Set(["DISCORD_TOKEN", "LOG_HMAC_SECRET", "DATABASE_URL"]);

export class ConfigError extends Error {}

/**
 * A bad setting's value, shown only when it is short and cannot be a secret: a token pasted into
 * the wrong setting is described by its length instead (and the redactor would catch it anyway).
 */
function shown(value: string | undefined): string {
  if (value === undefined) return "nothing";
  if (value.length > 32 || /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{3,}\./.test(value)) return `a value of ${value.length} characters, not shown`;
  return JSON.stringify(value);
}

/** Validate settings; empty strings count as unset, so a blank line in .env means "use the default". */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = String(i.path[0] ?? "config");
      const got = SECRET_SETTINGS.has(name) ? "" : ` (got ${shown(cleaned[name])})`;
      return `  ${name}: ${i.message}${got}`;
    });
    throw new ConfigError(`Invalid settings in the environment or .env:\n${lines.join("\n")}`);
  }
  const config = result.data;
  if (config.SHARD_IDS && config.SHARD_COUNT === undefined) {
    throw new ConfigError("Invalid settings in the environment or .env:\n  SHARD_IDS: needs SHARD_COUNT to be set as well");
  }
  if (config.SHARD_IDS && typeof config.SHARD_COUNT === "number" && config.SHARD_IDS.some((id) => id >= (config.SHARD_COUNT as number))) {
    throw new ConfigError("Invalid settings in the environment or .env:\n  SHARD_IDS: every id must be below SHARD_COUNT");
  }
  return config;
}
