export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, context?: Record<string, unknown>): void;
  info(msg: string, context?: Record<string, unknown>): void;
  warn(msg: string, context?: Record<string, unknown>): void;
  error(msg: string, context?: Record<string, unknown>): void;
  child(context: Record<string, unknown>): Logger;
}

/**
 * One JSON object per line on stderr. Every line passes through the redactor, so the bot token
 * can never reach a log, even inside an error message or stack.
 */
export function createLogger(opts: {
  level: LogLevel;
  secrets?: readonly string[];
  write?: (line: string) => void;
  base?: Record<string, unknown>;
}): Logger {
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 8);
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const redact = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join("[redacted]"), s);
  const emit = (level: LogLevel, msg: string, context: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[opts.level]) return;
    const entry = { time: new Date().toISOString(), level, msg, ...opts.base, ...serialise(context) };
    write(redact(JSON.stringify(entry)));
  };
  return {
    debug: (m, c) => emit("debug", m, c),
    info: (m, c) => emit("info", m, c),
    warn: (m, c) => emit("warn", m, c),
    error: (m, c) => emit("error", m, c),
    child: (context) => createLogger({ ...opts, base: { ...opts.base, ...context } }),
  };
}

function serialise(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(context)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, code: (v as { code?: unknown }).code, stack: v.stack } : v;
  }
  return out;
}
