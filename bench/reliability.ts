/**
 * `npx tsx bench/reliability.ts`: the per-question cost of the rate limiter and conversation store
 * with many active users, the cost of one log line, and the cost of the YAML anchor check.
 * The figures behind the library choices in DESIGN.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import { ConversationStore } from "../src/conversation-store.js";
import { createLogger } from "../src/logger.js";
import { RateLimiter } from "../src/rate-limit.js";

const time = (n: number, fn: (i: number) => void) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t) / n) * 1000;
};

for (const users of [10_000, 100_000]) {
  const limiter = new RateLimiter({ burst: 10, refillMs: 6000, maxUsers: 100_000 });
  const store = new ConversationStore(15 * 60_000, 50_000);
  const ctx = { entities: [], dealIds: [], metrics: [] };
  for (let i = 0; i < users; i++) {
    limiter.take(`u${i}`, i);
    store.set(`dm:u${i}`, ctx, i);
  }
  const take = time(100_000, (i) => limiter.take(`v${i}`, users + i));
  const set = time(100_000, (i) => store.set(`dm:v${i}`, ctx, users + i));
  console.log(`users=${users}: limiter.take ${take.toFixed(2)} us, store.set ${set.toFixed(2)} us (limiter holds ${limiter.size}, store ${store.size})`);
}

const secret = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz";
const logger = createLogger({ level: "info", secrets: [secret], write: () => {} });
const context = { user: "1400000000000000001", guild: "1100000000000000001", command: "ask", error: new Error("plain failure") };
console.log(`pino log line with redaction and an Error: ${time(50_000, () => logger.info("command failed", context)).toFixed(2)} us`);

const texts = readdirSync("data/deals").map((f) => readFileSync(`data/deals/${f}`, "utf8"));
const listener = (e: string, s: { anchor?: string | null }) => {
  if (e === "close" && typeof s.anchor === "string") throw new Error("anchor");
};
for (const [name, options] of [["js-yaml", {}], ["js-yaml + anchor listener", { listener }]] as const) {
  const us = time(50, () => texts.forEach((t) => yaml.load(t, { schema: yaml.CORE_SCHEMA, ...options } as yaml.LoadOptions))) / texts.length;
  console.log(`${name}: ${us.toFixed(1)} us per deal file`);
}
