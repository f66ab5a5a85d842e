import type { ChildProcess } from "node:child_process";
import type { Config } from "../config/config.js";
import { createLogger, type Logger } from "../logger.js";
import { createBot } from "./bot.js";
import { FATAL_GATEWAY_EXIT_CODE } from "./fatal-close.js";
import { startShardingManager } from "./sharding.js";

/**
 * `npm start` with a token: one bot process, or with SHARD_COUNT a ShardingManager that runs one
 * process per shard. Runs until SIGINT or SIGTERM (exit 0) or a fatal gateway close (exit 78),
 * then disconnects cleanly. The signal handlers are installed before anything is loaded, so a
 * signal during start-up or during a reload still gets the clean path: reloads give the event
 * loop a turn every few milliseconds, and a running one stops at its next time slice.
 */
export async function startBot(config: Config): Promise<number> {
  const token = config.DISCORD_TOKEN ?? "";
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [token] });
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason }));

  let stop: (() => Promise<void>) | undefined;
  let exitCode: number | undefined;
  let settle: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (settle = resolve));
  const finish = (code: number) => {
    if (exitCode !== undefined) return;
    exitCode = code;
    // Whatever a library left open (a REST sweeper, a shard's IPC) must not keep us alive.
    setTimeout(() => process.exit(code), 2000).unref();
    (stop ?? (async () => {}))().then(
      () => settle(code),
      () => settle(code || 1),
    );
  };
  const onSignal = (signal: string) => {
    logger.info("shutting down", { signal });
    finish(0);
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));

  const onFatal = () => finish(FATAL_GATEWAY_EXIT_CODE);
  const managed = config.SHARD_COUNT !== undefined && !process.env["SHARDING_MANAGER"];
  const stopper = await (managed ? runManager(config, token, logger, onFatal) : runBot(config, logger, onFatal));
  stop = stopper;
  // A signal that came during start-up: stop what has just started.
  if (exitCode !== undefined) await stopper().catch(() => undefined);
  return finished;
}

async function runBot(config: Config, logger: Logger, onFatal: () => void): Promise<() => Promise<void>> {
  const bot = await createBot(config, { logger, onFatal });
  return () => bot.stop();
}

async function runManager(config: Config, token: string, logger: Logger, onFatal: () => void): Promise<() => Promise<void>> {
  const manager = await startShardingManager(config, token, logger.child({ role: "manager" }), onFatal);
  return async () => {
    manager.respawn = false;
    // discord.js forgets a shard's process when it kills it: keep hold of them to see them go.
    const children = [...manager.shards.values()].map((s) => s.process).filter((c): c is ChildProcess => c !== null && c !== undefined);
    for (const shard of manager.shards.values()) shard.kill();
    // A shard process still running shortly after SIGTERM is killed outright, before this process
    // exits (start's 2 s deadline): an orphaned shard would hold the gateway session and our pipes.
    const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
    const deadline = Date.now() + SHARD_STOP_GRACE_MS;
    while (children.some((c) => !gone(c)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const c of children) if (!gone(c)) {
      logger.warn("shard process still running after SIGTERM; killing it", { pid: c.pid });
      c.kill("SIGKILL");
    }
  };
}

/** How long a shard process gets to stop after SIGTERM before it is killed (under start's 2 s exit deadline). */
const SHARD_STOP_GRACE_MS = 1500;
