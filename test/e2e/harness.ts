/**
 * Shared set-up of the end-to-end tests: the Discord fake, the real bot (createBot) logged in to
 * it, a capturing logger, a temp copy of data/, and child processes of the real entry points.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { configSchema, parseConfig, type Config } from "../../src/config/config.js";
import { createBot, type Bot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logger.js";
import { FakeDiscord, type FakeDiscordOptions, type FakeUser, type InjectedInteraction, type RecordedRequest } from "../fake-discord/index.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz";
export const APP_ID = "1000000000000000001";
export const CHANNEL_ID = "1300000000000000001";
export const GUILD = { id: "1100000000000000001", name: "Deals HQ", channels: [{ id: CHANNEL_ID, name: "deals" }] };
export const ALICE: FakeUser = { id: "1400000000000000001", username: "alice" };
export const BOB: FakeUser = { id: "1400000000000000002", username: "bob" };
/** On ADMIN_USER_IDS. */
export const ADMIN: FakeUser = { id: "1400000000000000009", username: "owner" };
/** A server administrator (permission bit 8) who is not on ADMIN_USER_IDS. */
export const SERVER_ADMIN: FakeUser = { id: "1400000000000000008", username: "modmin" };
export const ADMINISTRATOR = "8";
export const EPHEMERAL = 64;
export const QUESTION = "How much is OpenAI's AWS deal worth?";
/** LOG_HMAC_SECRET of the harness: every e2e bot logs its questions to a throw-away SQLite file. */
export const HMAC_SECRET = "e2e-hmac-secret-0123456789";

export interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly config: Config;
  /** The SQLite file of the question log (DB_PATH). */
  readonly dbPath: string;
  /** Every line the bot logged, parsed. */
  readonly logs: LogLine[];
  /** The raw lines, as they would reach stderr. */
  readonly rawLogs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra settings for parseConfig, e.g. RATE_LIMIT_BURST. */
  readonly env?: Record<string, string>;
  readonly fake?: FakeDiscordOptions;
}

/** Start the fake and log the real bot in against it; resolves once the bot is ready. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD], ...options.fake });
  const rawLogs: string[] = [];
  const logs: LogLine[] = [];
  const dbDir = await mkdtemp(path.join(tmpdir(), "dealdesk-db-"));
  const config = parseConfig({
    DB_PATH: path.join(dbDir, "dealdesk.db"),
    LOG_HMAC_SECRET: HMAC_SECRET,
    LOG_FLUSH_MS: "50",
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_BASE: fake.apiBase,
    ADMIN_USER_IDS: ADMIN.id,
    DATA_DIR: path.join(REPO_ROOT, "data"),
    RATE_LIMIT_BURST: "1000",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  // Built like the production logger (start.ts), but writing to memory instead of stderr.
  const logger = createLogger({
    level: "debug",
    secrets: [TOKEN],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as LogLine);
    },
  });
  let bot: Bot | undefined;
  try {
    bot = await createBot(config, { logger });
    const client = bot.client;
    await untilTrue(() => client.isReady(), "the bot to become ready");
  } catch (err) {
    await bot?.stop();
    await fake.stop();
    await rm(dbDir, { recursive: true, force: true });
    throw err;
  }
  const started = bot;
  return {
    fake, bot: started, config, logs, rawLogs, dbPath: config.DB_PATH,
    stop: async () => {
      await started.stop();
      await fake.stop();
      await rm(dbDir, { recursive: true, force: true });
    },
  };
}

/** Poll a condition (for state that no request signals), failing after `ms`. */
export async function untilTrue(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Run `act` (which makes the bot log `rows` questions or votes), then wait until they are queued and flush them. */
export async function logged<T>(h: Harness, act: () => Promise<T>, rows = 1): Promise<T> {
  const log = h.bot.deps.questionLog;
  if (!log) throw new Error("the question log is off in this harness");
  const before = log.stats().pushed;
  const result = await act();
  await untilTrue(() => log.stats().pushed >= before + rows, `${rows} log rows`);
  await log.flush();
  return result;
}

/** The first log line matching `predicate`, logged already or within `ms`. */
export async function waitForLog(h: Harness, predicate: (line: LogLine) => boolean, ms = 3000): Promise<LogLine> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = h.logs.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching log line within ${ms} ms; logged:\n${h.rawLogs.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The first response (callback) Discord received for an injected interaction. */
export function callbackOf(fake: FakeDiscord, sent: InjectedInteraction): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
}

/** The edit of the deferred reply of an injected interaction. */
export function editOf(fake: FakeDiscord, sent: InjectedInteraction): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
}

/** /ask in the guild channel, resolving with its callback. */
export function askSlash(h: Harness, user: FakeUser, question: string): Promise<RecordedRequest> {
  const sent = h.fake.sendSlashCommand({
    guildId: GUILD.id, channelId: CHANNEL_ID, user, name: "ask", options: [{ name: "question", type: 3, value: question }],
  });
  return callbackOf(h.fake, sent);
}

/** Requests that create or edit a message a user can read. */
export function isMessageWrite(r: RecordedRequest): boolean {
  if (r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path)) return true;
  if (r.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return r.body?.type === 4 || r.body?.type === 7;
  if (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(r.path)) return r.method === "POST" || r.method === "PATCH";
  return false;
}

/**
 * Every message the bot wrote carries allowed_mentions exactly {parse: []}, and no request
 * carries any other allowed_mentions. Returns how many message writes were checked.
 */
export function expectSilentMentions(requests: readonly RecordedRequest[]): number {
  let writes = 0;
  for (const r of requests) {
    const where = `${r.method} ${r.path}`;
    const data = r.body?.type !== undefined && r.body?.data !== undefined ? r.body.data : r.body;
    if (data && typeof data === "object" && "allowed_mentions" in data) {
      expect(data.allowed_mentions, `allowed_mentions of ${where}`).toEqual({ parse: [] });
    }
    if (isMessageWrite(r)) {
      writes++;
      expect(data?.allowed_mentions, `allowed_mentions of ${where}`).toEqual({ parse: [] });
    }
  }
  return writes;
}

/** A throw-away copy of data/, for tests that edit files and reload. */
export async function copyDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "dealdesk-e2e-"));
  const dir = path.join(root, "data");
  await cp(path.join(REPO_ROOT, "data"), dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * The environment of a child process: every DealDesk setting blanked (so a developer's .env,
 * which never overrides a variable that is set, cannot leak in), then the overrides.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const blank = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, ""]));
  return { ...process.env, ...blank, ...overrides };
}

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Child {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ChildRun>;
  /** Resolves once stderr or stdout contains `text`; rejects if the process exits first or after `ms`. */
  waitForOutput(text: string, ms?: number): Promise<void>;
  /** Signal the spawned process itself (npx, or tsx when direct), as a supervisor (docker stop, systemd) would. */
  kill(signal?: NodeJS.Signals): void;
  /** Signal the whole process group (npx, tsx and node). */
  killGroup(signal?: NodeJS.Signals): void;
}

const children = new Set<Child>();

/**
 * Run `npx tsx <script>` from the repo root, the way a developer would. With `direct`, run what
 * `npm start` runs: node itself with tsx's loader, so a signal reaches the bot and nothing else.
 * (npm exec starts tsx through `sh -c` and does not pass SIGTERM on; the tsx CLI passes it on but
 * SIGKILLs its child if that does not acknowledge within 30 ms, which a busy or loaded process
 * misses: a sharding manager killed that way never stops its shards.)
 */
export function spawnTsx(script: string, env: NodeJS.ProcessEnv, stdin?: string, direct = false): Child {
  const [command, args] = direct ? [process.execPath, ["--import", "tsx", script]] : ["npx", ["tsx", script]];
  // Its own process group, so a cleanup can kill npx, tsx and node together.
  const proc = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
  let out = "";
  let err = "";
  const watchers = new Set<() => void>();
  proc.stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
    for (const w of [...watchers]) w();
  });
  proc.stderr.setEncoding("utf8").on("data", (d: string) => {
    err += d;
    for (const w of [...watchers]) w();
  });
  if (stdin !== undefined) proc.stdin.end(stdin);
  let done = false;
  const exited = new Promise<ChildRun>((resolve, reject) => {
    proc.once("error", (error) => {
      done = true;
      children.delete(child);
      reject(error);
    });
    proc.once("close", (code, signal) => {
      done = true;
      children.delete(child);
      for (const w of [...watchers]) w();
      resolve({ code, signal, stdout: out, stderr: err });
    });
  });
  exited.catch(() => undefined); // a spawn error is reported by whoever awaits `exited`
  const child: Child = {
    pid: proc.pid ?? -1,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal = "SIGTERM") => void proc.kill(signal),
    killGroup: (signal = "SIGTERM") => {
      try {
        if (proc.pid) process.kill(-proc.pid, signal);
      } catch {
        // already gone
      }
    },
    waitForOutput: (text, ms = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no "${text}" within ${ms} ms.\nstdout:\n${out}\nstderr:\n${err}`)), ms);
        const finish = (error?: Error) => {
          clearTimeout(timer);
          watchers.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (out.includes(text) || err.includes(text)) finish();
          else if (done) finish(new Error(`the process exited before printing "${text}".\nstdout:\n${out}\nstderr:\n${err}`));
        };
        watchers.add(check);
        check();
      }),
  };
  children.add(child);
  return child;
}

/** Kill (SIGKILL) any child a failed test left running, and wait for it to go. */
export async function killChildren(): Promise<void> {
  for (const child of [...children]) {
    child.killGroup("SIGKILL");
    await child.exited.catch(() => undefined);
  }
}

/** Resolve with `promise`, or reject after `ms` naming `what`. */
export function within<T>(promise: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
