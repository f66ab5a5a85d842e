/** /admin reload: who may run it, what it reports, and that a broken file leaves the old data answering. */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_ADMIN } from "../../src/discord/admin-actions.js";
import type { FakeUser } from "../fake-discord/index.js";
import {
  ADMIN, ADMINISTRATOR, ALICE, askSlash, callbackOf, CHANNEL_ID, copyDataDir, editOf, EPHEMERAL, expectSilentMentions, GUILD, QUESTION,
  SERVER_ADMIN, startHarness, type Harness,
} from "./harness.js";

const BROKEN_FILE = "deals/openai-aws-2025.yaml";
const REMOVED_FILE = "deals/xai-colossus-memphis-2024.yaml";

let h: Harness;
let data: Awaited<ReturnType<typeof copyDataDir>>;

beforeAll(async () => {
  data = await copyDataDir();
  h = await startHarness({ env: { DATA_DIR: data.dir, ADMIN_USER_IDS: ADMIN.id } });
});

afterAll(async () => {
  await h?.stop();
  await data?.remove();
});

function adminReload(user: FakeUser, memberPermissions = ADMINISTRATOR) {
  return h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user, memberPermissions, name: "admin", subcommand: "reload" });
}

/** An allowlisted admin's reload: the ephemeral defer, then the edit carrying the report. */
async function reloadAsAdmin(): Promise<{ defer: any; description: string; title: string }> {
  const sent = adminReload(ADMIN);
  const [defer, edit] = await Promise.all([callbackOf(h.fake, sent), editOf(h.fake, sent)]);
  return { defer: defer.body, description: edit.body.embeds[0].description, title: edit.body.embeds[0].title };
}

describe("/admin reload", () => {
  it("by an allowlisted admin: defers ephemerally (flag 64), then reports “Deals N → N−1” after a deal file was removed", async () => {
    const before = h.bot.deps.live.get().kb.deals.size;
    await rm(path.join(data.dir, REMOVED_FILE));

    const { defer, title, description } = await reloadAsAdmin();

    expect(defer).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(title).toBe("Reload complete");
    expect(description).toContain(`Deals ${before} → ${before - 1}`);
    expect(h.bot.deps.live.get().kb.deals.size).toBe(before - 1);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: "info", msg: "admin reload", user: ADMIN.id }));
  });

  it("by a server administrator who is not on ADMIN_USER_IDS: refused with an ephemeral message, nothing reloaded", async () => {
    const reloadedAt = h.bot.deps.live.reloadedAt;
    const sent = adminReload(SERVER_ADMIN, ADMINISTRATOR);

    const callback = await callbackOf(h.fake, sent);

    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: NOT_ADMIN, flags: EPHEMERAL }) });
    expect(h.fake.interactionResponses(sent.id)).toHaveLength(1);
    expect(h.bot.deps.live.reloadedAt).toBe(reloadedAt);
  });

  it("by a plain member: refused with an ephemeral message, nothing reloaded", async () => {
    const reloadedAt = h.bot.deps.live.reloadedAt;
    const sent = adminReload(ALICE, "0");

    const callback = await callbackOf(h.fake, sent);

    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: NOT_ADMIN, flags: EPHEMERAL }) });
    expect(h.bot.deps.live.reloadedAt).toBe(reloadedAt);
  });

  it("with a syntax error in a deal file: reports failure naming the file, keeps answering $38 billion from the old data, and succeeds once the file is fixed", async () => {
    const file = path.join(data.dir, BROKEN_FILE);
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("id: openai-aws-2025\n", "id: [openai-aws-2025\n"));

    const failed = await reloadAsAdmin();
    const answer = await askSlash(h, ALICE, QUESTION);
    await writeFile(file, good);
    const fixed = await reloadAsAdmin();

    expect(failed.defer).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(failed.title).toBe("Reload failed");
    expect(failed.description).toContain("still answering from the previous data");
    expect(failed.description).toContain(BROKEN_FILE);
    expect(answer.body.data.embeds[0].description).toContain("**$38 billion**");
    expect(fixed.title).toBe("Reload complete");
    expect(fixed.description).toMatch(/Deals (\d+) → \1/);
  });

  it("answers an allowlisted admin's DM “reload” with the reload report, and treats the same word from anyone else as a question", async () => {
    const fromAdmin = h.fake.sendDirectMessage({ user: ADMIN, content: "reload" });
    const fromMember = h.fake.sendDirectMessage({ user: SERVER_ADMIN, content: "reload" });

    const replyTo = (id: string) => h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === id);
    const [adminReply, memberReply] = await Promise.all([replyTo(fromAdmin.id), replyTo(fromMember.id)]);

    expect(adminReply.path).toBe(`/channels/${h.fake.dmChannelId(ADMIN.id)}/messages`);
    expect(adminReply.body.embeds[0]).toMatchObject({ title: "Reload complete", description: expect.stringMatching(/Deals (\d+) → \1/) });
    expect(memberReply.body.embeds[0].title ?? "").not.toMatch(/Reload/);
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(6);
  });
});
