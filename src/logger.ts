import pino from "pino";
import { createRedactor, REDACTED, type Redactor } from "./redact.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, context?: Record<string, unknown>): void;
  info(msg: string, context?: Record<string, unknown>): void;
  warn(msg: string, context?: Record<string, unknown>): void;
  error(msg: string, context?: Record<string, unknown>): void;
  child(context: Record<string, unknown>): Logger;
  /** The same redactor the log lines pass through, for replies that carry error text. */
  readonly redact: Redactor;
}

/** Fields that hold a secret whatever their value: censored by path before a line is written. */
const REDACT_PATHS = [
  "token", "*.token", "DISCORD_TOKEN", "*.DISCORD_TOKEN", "config.DISCORD_TOKEN",
  "authorization", "*.authorization", "headers.authorization", "*.headers.authorization", "*.headers.Authorization",
];

/**
 * pino, one JSON object per line on stderr. Errors under `error` or `err` go through pino's standard serializer (type,
 * message, stack, code). Secret fields are censored by path, and every finished line passes
 * through the redactor, so the token never reaches a log even inside an error message or stack.
 */
export function createLogger(opts: {
  level: LogLevel;
  secrets?: ReadonlyArray<string | undefined>;
  write?: (line: string) => void;
  base?: Record<string, unknown>;
}): Logger {
  const redact = createRedactor(opts.secrets ?? []);
  const write = opts.write;
  // process.stderr is synchronous for files and pipes on POSIX, so a last line before exit is not lost.
  const destination = write ? { write: (s: string) => write(s.endsWith("\n") ? s.slice(0, -1) : s) } : { write: (s: string) => process.stderr.write(s) };
  const root = pino(
    {
      level: opts.level,
      base: opts.base ?? null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err, reason: pino.stdSerializers.err },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: redact },
    },
    destination,
  );
  return wrap(root, redact);
}

function wrap(p: pino.Logger, redact: Redactor): Logger {
  return {
    debug: (msg, context) => p.debug(context ?? {}, msg),
    info: (msg, context) => p.info(context ?? {}, msg),
    warn: (msg, context) => p.warn(context ?? {}, msg),
    error: (msg, context) => p.error(context ?? {}, msg),
    child: (context) => wrap(p.child(context), redact),
    redact,
  };
}
