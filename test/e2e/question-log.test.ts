/** The question log under the real bot: /admin insights, npm run insights, LOG_QUESTIONS=off, and a database that vanishes mid-run. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readRows } from "../helpers/db-files.js";
import {
  ADMIN, ADMINISTRATOR, ALICE, askSlash, CHANNEL_ID, childEnv, editOf, EPHEMERAL, GUILD, killChildren, logged, QUESTION, spawnTsx, startHarness, untilTrue,
  type Harness, within,
} from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());
afterEach(killChildren);

const UNKNOWN = "What is the Acme Widgets deal worth?";
const hasButtons = (r: { body: any }) => (r.body.data?.components ?? []).length === 1;

describe("question log in the running bot", () => {
  it("/admin insights shows the unanswered questions and the outcome shares, privately", async () => {
    await askSlash(h, ALICE, UNKNOWN);
    await askSlash(h, ALICE, UNKNOWN);
    await askSlash(h, ALICE, "what's the acme widgets deal worth");
    await logged(h, () => askSlash(h, ALICE, QUESTION));
    const sent = h.fake.sendSlashCommand({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: ADMINISTRATOR, name: "admin", subcommand: "insights",
      options: [{ name: "days", type: 4, value: 1 }],
    });
    const edit = await editOf(h.fake, sent);

    const embed = edit.body.embeds[0];
    expect(embed.title).toBe("DealDesk insights: last 1 day");
    expect(embed.description).toMatch(/answered \d+\.\d% \(\d+\)/);
    expect(embed.fields[0]).toMatchObject({ name: "Top unanswered questions", value: expect.stringMatching(/^3× “what is the acme widgets deal worth” \(also: “what's the acme widgets deal worth”\)/) });
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
  });

  it("npm run insights prints the report, and --csv the unanswered questions", async () => {
    await h.bot.deps.questionLog!.flush();
    const env = childEnv({ DB_PATH: h.dbPath });
    const [report, csv] = await Promise.all([
      within(spawnTsx("src/cli/insights.ts", env, undefined, true).exited, "insights", 30_000),
      within(spawnTsx("test/helpers/run-with-args.ts", { ...env, RUN_SCRIPT: "src/cli/insights.ts", RUN_ARGS: "--csv --days 2" }, undefined, true).exited, "insights --csv", 30_000),
    ]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/Top unanswered questions:\n {2}\d+× “what is the acme widgets deal worth”/);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("count,question,variants,last_asked");
    expect(csv.stdout).toMatch(/\r\n3,what is the acme widgets deal worth,what's the acme widgets deal worth,/);
  }, 60_000);

  it("keeps answering, with buttons, after the database file is deleted, and logs to a new file", async () => {
    await logged(h, () => askSlash(h, ALICE, QUESTION));
    for (const f of [h.dbPath, `${h.dbPath}-wal`, `${h.dbPath}-shm`]) rmSync(f, { force: true });

    const after = await logged(h, () => askSlash(h, ALICE, "how much is the openai amd deal worth?"));
    expect(after.body.data.embeds[0].description).toMatch(/\*\*/);
    expect(hasButtons(after)).toBe(true);
    await h.bot.deps.questionLog!.flush();
    expect(readRows<any>(h.dbPath, "select text from questions")).toEqual([{ text: "how much is the openai amd deal worth" }]);
  });

  it("keeps answering while the database can't be opened, warns once, and writes the waiting rows when it can", async () => {
    const dir = path.dirname(h.dbPath);
    renameSync(dir, `${dir}.away`);
    writeFileSync(dir, "a file where the database folder was");
    const before = h.logs.filter((l) => /cannot write to the database/.test(l.msg)).length;
    try {
      for (let i = 0; i < 3; i++) {
        const reply = await logged(h, () => askSlash(h, ALICE, `${QUESTION} ${i}`));
        expect(reply.body.data.embeds[0].description).toContain("$38 billion");
      }
      expect(h.logs.filter((l) => /cannot write to the database/.test(l.msg)).length - before).toBe(1);
      expect(h.bot.deps.questionLog!.stats()).toMatchObject({ failing: true, queued: 3 });
    } finally {
      rmSync(dir, { force: true });
      renameSync(`${dir}.away`, dir);
    }
    await h.bot.deps.questionLog!.flush();
    expect(h.bot.deps.questionLog!.stats()).toMatchObject({ failing: false, queued: 0 });
    expect(readRows<any>(h.dbPath, "select count(*) as n from questions where text like 'how much is openai''s aws deal worth? _'")[0].n).toBe(3);
  });
});

describe("a database that hangs", () => {
  it("never holds up an answer: writes that never finish leave replies and buttons as they were", async () => {
    const log = h.bot.deps.questionLog!;
    const writer = log.writer;
    const original = writer.write.bind(writer);
    let started = 0;
    writer.write = () => {
      started++;
      return new Promise<void>(() => undefined);
    };
    try {
      const before = log.stats().pushed;
      for (let i = 0; i < 5; i++) {
        const reply = await askSlash(h, ALICE, QUESTION);
        expect(reply.body.data.embeds[0].description).toContain("$38 billion");
        expect(hasButtons(reply)).toBe(true);
      }
      await untilTrue(() => started > 0 && log.stats().pushed >= before + 5, "a write to start and hang");
      expect(log.stats().written).toBeLessThan(log.stats().pushed);
    } finally {
      writer.write = original;
    }
  });
});

describe("LOG_QUESTIONS=off", () => {
  it("stores nothing and shows no buttons", async () => {
    const off = await startHarness({ env: { LOG_QUESTIONS: "off" } });
    try {
      const reply = await askSlash(off, ALICE, QUESTION);
      expect(reply.body.data.embeds[0].description).toContain("$38 billion");
      expect(reply.body.data.components ?? []).toEqual([]);
      expect(off.bot.deps.questionLog).toBeUndefined();
      expect(existsSync(off.dbPath)).toBe(false);
    } finally {
      await off.stop();
    }
  });
});
