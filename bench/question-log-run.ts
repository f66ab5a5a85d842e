/**
 * Acceptance run of the question log and feedback: `npm run bench:log [-- --json]`.
 *
 * The real bot against the Discord fake, on 127.0.0.1. One scripted run of 1,000 /ask questions
 * from 100 users (the blind question sets, plus planted unanswerable ones in several
 * wordings) and 100 button clicks (helpful, and wrong with a modal comment; some users change their
 * vote). Then `npm run insights -- --json` reads the database, and its unanswered questions and facts
 * marked wrong are checked against the engine's own answers to the same script. Latency per
 * question (sent → reply received by the fake) is measured with logging on and off, in balanced
 * passes. A last pass deletes the database file, then makes its folder unreachable, mid-run.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, rename, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { parseConfig } from "../src/config/config.js";
import { createBot, type Bot } from "../src/discord/bot.js";
import type { Answer } from "../src/engine/answer-model.js";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../src/engine/answer.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { normaliseQuestion } from "../src/feedback/normalise.js";
import type { Insights } from "../src/insights/insights.js";
import { createLogger } from "../src/logger.js";
import { factIdsOf, outcomeOf } from "../src/store/question-log.js";
import { FakeDiscord } from "../test/fake-discord/index.js";
import { Rng } from "./rng.js";

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.bench.token-secret-part";
const APP_ID = "1000000000000000001";
const CHANNEL = "1300000000000000001";
const GUILD = { id: "1100000000000000001", name: "Bench", channels: [{ id: CHANNEL, name: "deals" }] };
const json = process.argv.includes("--json");
const say = (s: string) => process.stderr.write(`${s}\n`);

/** Made-up deals the data can't hold, each asked in several wordings; [wordings, times asked]. */
const PLANTED: Array<[string[], number]> = [
  [["What is the Zorblax Robotics deal worth?", "whats the zorblax robotics deal worth", "zorblax robotics deal value?"], 40],
  [["How many GPUs does Quintessa Cloud get from Nvidia?", "how many gpus does quintessa cloud get from nvidia"], 30],
  [["Who is building the Vellmoor data center?", "who is building the vellmoor datacenter"], 20],
  [["What did Pellucid AI pay for its Oracle capacity?", "what did pellucid ai pay oracle"], 10],
];

interface Asked { user: string; question: string; answer: Answer; answerId?: string }

async function questionPool(): Promise<string[]> {
  const out: string[] = [];
  // The blind sets (eval/questions.yaml, the old tuned set, was retired).
  for (const file of ["eval/blind/dev.yaml", "eval/blind/test.yaml", "eval/blind/fresh.yaml"]) {
    for (const item of (yaml.load(await readFile(file, "utf8")) as Array<{ q?: string }> | null) ?? []) if (item.q) out.push(item.q);
  }
  return out;
}

/** 1,000 (user, question) pairs: 10 per user, planted questions spread among them. */
function script(pool: string[], rng: Rng): Array<{ user: string; question: string }> {
  const planted = PLANTED.flatMap(([wordings, times]) => Array.from({ length: times }, (_, i) => wordings[i % wordings.length]!));
  const questions = [...planted, ...Array.from({ length: 1000 - planted.length }, () => pool[Math.floor(rng.float() * pool.length)]!)];
  for (let i = questions.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    [questions[i], questions[j]] = [questions[j]!, questions[i]!];
  }
  return questions.map((question, i) => ({ user: String(1500000000000000000n + BigInt(i % 100)), question }));
}

async function startBot(fake: FakeDiscord, env: Record<string, string>): Promise<Bot> {
  const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_BASE: fake.apiBase, DATA_DIR: "data", RATE_LIMIT_MAX: "1000", LOG_HMAC_SECRET: "bench-hmac-secret-0123456789", ...env });
  const lines: string[] = [];
  const bot = await createBot(config, { logger: createLogger({ level: "warn", write: (l) => lines.push(l) }) });
  (bot as Bot & { lines: string[] }).lines = lines;
  const deadline = Date.now() + 20_000;
  while (!bot.client.isReady()) {
    if (Date.now() > deadline) throw new Error("bot not ready");
    await new Promise((r) => setTimeout(r, 10));
  }
  return bot;
}

/** Ask each question with /ask, one at a time; returns latencies (ms) and the replies' answer ids. */
async function pass(fake: FakeDiscord, items: Array<{ user: string; question: string }>, onEach?: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const answerIds: Array<string | undefined> = [];
  let answered = 0;
  for (let i = 0; i < items.length; i++) {
    await onEach?.(i);
    const { user, question } = items[i]!;
    const t0 = performance.now();
    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL, user: { id: user, username: `u${user.slice(-3)}` }, name: "ask", options: [{ name: "question", type: 3, value: question }] });
    // The fake scans every request recorded so far (thousands by the last pass): build the path once.
    const callback = `/interactions/${sent.id}/${sent.token}/callback`;
    const reply = await fake.waitForRequest((r) => r.path === callback, 10_000);
    latencies.push(performance.now() - t0);
    if (reply.body?.data?.embeds?.length === 1) answered++;
    answerIds.push(/^fb:up:(.+)$/.exec(reply.body?.data?.components?.[0]?.components?.[0]?.custom_id ?? "")?.[1]);
  }
  return { latencies, answerIds, answered };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? 0;
};
const stats = (xs: number[]) => ({ n: xs.length, median: +pct(xs, 0.5).toFixed(2), p95: +pct(xs, 0.95).toFixed(2) });

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), "dealdesk-logrun-"));
  const fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD] });
  try {
    const rng = new Rng(20261201);
    const items = script(await questionPool(), rng);

    // Ground truth: the engine's answers to the same script, each user's conversation kept as the bot keeps it.
    const index = await openIndex("data");
    const contexts = new Map<string, ConversationContext>();
    const truth: Asked[] = items.map(({ user, question }) => {
      const turn = answerQuestion(index, question, contexts.get(user) ?? EMPTY_CONTEXT);
      contexts.set(user, turn.context);
      return { user, question, answer: turn.answer };
    });

    // Latency: logging off / on in passes over the same 1,000 questions, in the order off, on, on, off:
    // a pass costs a little more the later it runs (the fake keeps every request), and this order
    // gives both modes the same average position.
    const mainDb = path.join(root, "main.db");
    const latency: Record<"off" | "on", number[]> = { off: [], on: [] };
    let main: Awaited<ReturnType<typeof pass>> | undefined;
    let mainBot: Bot | undefined;
    for (const [mode, db] of [["off", ""], ["on", mainDb], ["on", path.join(root, "second.db")], ["off", ""]] as const) {
      const bot = await startBot(fake, { LOG_QUESTIONS: mode === "off" ? "off" : "guild", DB_PATH: db || path.join(root, "unused.db") });
      say(`pass: logging ${mode}`);
      const result = await pass(fake, items);
      latency[mode].push(...result.latencies);
      // Each pass's median on its own, so the spread between passes of the same mode shows the noise.
      // The first questions of a pass overlap the start-up of the bot's worker threads; the rest do not.
      const head = stats(result.latencies.slice(0, 200)), rest = stats(result.latencies.slice(200));
      say(`  median ${stats(result.latencies).median} ms, p95 ${stats(result.latencies).p95} ms; questions 1-200 median ${head.median} ms, 201-1000 median ${rest.median} ms`);
      if (db === mainDb) {
        main = result;
        mainBot = bot;
      } else await bot.stop();
    }
    if (!main || !mainBot) throw new Error("no main pass");

    // 100 clicks on the main pass's answers: 60 helpful, 40 wrong (30 with a comment); 10 users change their vote.
    const answeredIdx = truth.map((t, i) => (outcomeOf(t.answer).outcome === "answered" && main!.answerIds[i] ? i : -1)).filter((i) => i >= 0);
    const finalVotes = new Map<string, { i: number; vote: "up" | "down" }>();
    const clicks: Array<{ i: number; voter: string; vote: "up" | "down"; comment?: string }> = [];
    for (let k = 0; k < 90; k++) {
      const i = answeredIdx[Math.floor(rng.float() * answeredIdx.length)]!;
      const voter = String(1600000000000000000n + BigInt(k));
      const vote = k < 50 ? "up" : "down";
      clicks.push({ i, voter, vote, ...(vote === "down" && k < 80 ? { comment: `bench comment ${k}` } : {}) });
    }
    for (let k = 0; k < 10; k++) {
      const first = clicks[k]!; // an earlier helpful vote, changed to wrong
      clicks.push({ i: first.i, voter: first.voter, vote: "down", comment: `changed my mind ${k}` });
    }
    for (const c of clicks) {
      const customId = `fb:${c.vote}:${main.answerIds[c.i]}`;
      const sent = fake.clickButton({ user: { id: c.voter, username: "voter" }, customId });
      const cb = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
      if (c.vote === "down") {
        if (cb.body?.type !== 9) throw new Error("no modal");
        const submit = fake.submitModal({ from: sent, values: c.comment ? { comment: c.comment } : {} });
        await fake.waitForRequest((r) => r.path === `/interactions/${submit.id}/${submit.token}/callback`);
      }
      finalVotes.set(`${c.i}:${c.voter}`, { i: c.i, vote: c.vote });
    }
    await mainBot.stop();

    // What insights must say, from the engine's answers and the clicks.
    const expectedDeclined = new Map<string, number>();
    for (const t of truth) if (outcomeOf(t.answer).outcome === "declined") expectedDeclined.set(normaliseQuestion(t.question), (expectedDeclined.get(normaliseQuestion(t.question)) ?? 0) + 1);
    const expectedWrong = new Map<string, number>();
    for (const v of finalVotes.values()) if (v.vote === "down") for (const id of factIdsOf(truth[v.i]!.answer).primary) expectedWrong.set(id, (expectedWrong.get(id) ?? 0) + 1);

    const cli = (args: string) => execFileSync("node_modules/.bin/tsx", ["test/helpers/run-with-args.ts"], { env: { ...process.env, DB_PATH: mainDb, DATABASE_URL: "", RUN_SCRIPT: "src/cli/insights.ts", RUN_ARGS: args }, encoding: "utf8" });
    const report = cli("--days 1");
    const insights = JSON.parse(cli("--days 1 --json")) as Insights;
    const csvLines = cli("--days 1 --csv").trim().split("\r\n").length - 1;

    const groupedTotal = insights.unanswered.reduce((n, g) => n + g.count, 0);
    const declinedTotal = [...expectedDeclined.values()].reduce((a, b) => a + b, 0);
    const everyText = [...expectedDeclined.keys()].every((text) => insights.unanswered.filter((g) => g.text === text || g.variants.includes(text)).length === 1);
    // A planted question the engine answered from a user's conversation context is not unanswered: compare with its declines.
    const planted = PLANTED.map(([wordings, times]) => {
      const texts = [...new Set(wordings.map(normaliseQuestion))];
      const groups = insights.unanswered.filter((g) => texts.includes(g.text) || g.variants.some((v) => texts.includes(v)));
      const declined = texts.reduce((n, t) => n + (expectedDeclined.get(t) ?? 0), 0);
      return { question: texts[0], asked: times, declined, groups: groups.length, count: groups.reduce((n, g) => n + g.count, 0) };
    });
    const wrongOk = insights.wrongFacts.length === expectedWrong.size && insights.wrongFacts.every((f) => expectedWrong.get(f.factId) === f.count);
    const checks = {
      questionsLogged: insights.total,
      outcomes: insights.outcomes,
      declinedExpected: declinedTotal,
      declinedInGroups: groupedTotal,
      everyDeclinedTextInExactlyOneGroup: everyText,
      planted,
      plantedAllOneGroupWithExactCount: planted.every((p) => p.groups === 1 && p.count === p.declined),
      votes: insights.votes,
      votesExpected: { up: [...finalVotes.values()].filter((v) => v.vote === "up").length, down: [...finalVotes.values()].filter((v) => v.vote === "down").length },
      wrongFactsExpected: expectedWrong.size,
      wrongFactsListed: insights.wrongFacts.length,
      wrongFactsMatch: wrongOk,
      csvRows: csvLines,
      answeredReplies: main.answered,
    };

    // Faults: delete the database file at question 100; its folder becomes a file at 150; restored at 250.
    const faultDir = path.join(root, "fault");
    const faultDb = path.join(faultDir, "fault.db");
    const faultBot = await startBot(fake, { DB_PATH: faultDb, LOG_FLUSH_MS: "20" });
    const faultRun = await pass(fake, items.slice(0, 300), async (i) => {
      if (i === 100) for (const f of [faultDb, `${faultDb}-wal`, `${faultDb}-shm`]) await rm(f, { force: true });
      if (i === 150) {
        await rename(faultDir, `${faultDir}.away`);
        await writeFile(faultDir, "not a folder");
      }
      if (i === 250) {
        await rm(faultDir);
        await mkdir(faultDir);
      }
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 25));
    });
    await faultBot.deps.questionLog!.flush();
    const faultStats = faultBot.deps.questionLog!.stats();
    const warnings = (faultBot as Bot & { lines: string[] }).lines.map((l) => JSON.parse(l) as { level: string; msg: string }).filter((l) => l.level === "warn").map((l) => l.msg);
    await faultBot.stop();
    const phase = (from: number, to: number) => stats(faultRun.latencies.slice(from, to));
    const faults = {
      asked: 300, answeredWithEmbed: faultRun.answered,
      latency: { healthy: phase(0, 100), fileDeleted: phase(100, 150), folderUnreachable: phase(150, 250), restored: phase(250, 300) },
      ...faultStats, warnings,
    };

    const result = { latency: { off: stats(latency.off), on: stats(latency.on) }, checks, faults };
    if (json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(report);
      console.log(JSON.stringify(result, null, 2));
    }
  } finally {
    await fake.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
