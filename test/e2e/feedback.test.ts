/**
 * Feedback end to end: the real bot against the Discord fake. Every answer (/ask, DM, mention)
 * carries Helpful / Wrong buttons; a click is a type-3 interaction, the modal's submit type 5.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logger.js";
import { embedSize, LIMITS } from "../../src/render/discord.js";
import type { InjectedInteraction, RecordedRequest } from "../fake-discord/index.js";
import { dbBytes, findId, readRows } from "../helpers/db-files.js";
import {
  ALICE, BOB, callbackOf, CHANNEL_ID, EPHEMERAL, expectSilentMentions, GUILD, HMAC_SECRET, logged, QUESTION, startHarness, untilTrue, type Harness,
} from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const hash = (id: string) => createHmac("sha256", HMAC_SECRET).update(id).digest("hex");
const buttonsOf = (body: any): Array<{ custom_id: string; label: string; type: number }> => (body?.components ?? []).flatMap((row: any) => row.components);
const answerIdOf = (body: any): string => /^fb:up:(.+)$/.exec(buttonsOf(body)[0]?.custom_id ?? "")?.[1] ?? "";
const flushed = () => h.bot.deps.questionLog!.flush();

async function askAndGetButtons(question = QUESTION) {
  const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: question }] });
  const callback = await logged(h, () => callbackOf(h.fake, sent));
  return { callback, data: callback.body.data, answerId: answerIdOf(callback.body.data) };
}

function click(customId: string, user = ALICE, messageId?: string): { sent: InjectedInteraction; callback: Promise<RecordedRequest> } {
  const sent = h.fake.clickButton({ user, customId, ...(messageId ? { messageId } : {}) });
  return { sent, callback: callbackOf(h.fake, sent) };
}

describe("feedback buttons", () => {
  it("puts Helpful and Wrong or unhelpful under an /ask answer; the custom ids hold only a random answer id", async () => {
    const { data, answerId } = await askAndGetButtons();

    expect(buttonsOf(data).map((b) => [b.type, b.label])).toEqual([[2, "Helpful"], [2, "Wrong or unhelpful"]]);
    expect(buttonsOf(data).map((b) => b.custom_id)).toEqual([`fb:up:${answerId}`, `fb:down:${answerId}`]);
    expect(answerId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const b of buttonsOf(data)) for (const id of [ALICE.id, GUILD.id, CHANNEL_ID]) expect(b.custom_id).not.toContain(id);
    expect(embedSize(data.embeds[0])).toBeLessThanOrEqual(LIMITS.total);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it("records Helpful at once with the question's fact ids and data version, and thanks the user privately", async () => {
    const { answerId } = await askAndGetButtons();

    const { callback } = click(`fb:up:${answerId}`);
    const thanks = await callback;
    await flushed();

    expect(thanks.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/thanks/i) } });
    const [vote] = readRows<any>(h.dbPath, "select v.vote, v.user_hash, q.fact_ids, q.data_version, q.answer_kind, q.text from votes v join questions q on q.id = v.answer_id where v.answer_id = ?", answerId);
    expect(vote).toMatchObject({ vote: "up", user_hash: hash(ALICE.id), data_version: h.bot.deps.live.get().kb.version, text: "how much is openai's aws deal worth" });
    expect(JSON.parse(vote.fact_ids)).toContain("openai-aws-2025.value");
  });

  it("opens the modal on Wrong or unhelpful; its submit replaces the user's earlier vote and keeps the comment", async () => {
    const { answerId } = await askAndGetButtons();
    await click(`fb:up:${answerId}`).callback;

    const wrong = click(`fb:down:${answerId}`);
    const modal = await wrong.callback;
    expect(modal.body.type).toBe(9);
    expect(modal.body.data).toMatchObject({ custom_id: `fb:why:${answerId}`, title: "What's wrong?" });
    expect(JSON.stringify(modal.body.data.components)).toContain("The right figure and where it was reported");

    const submit = h.fake.submitModal({ from: wrong.sent, values: { comment: "The total is outdated", correction: "$40 billion, Reuters, 2026-11-02" } });
    const thanks = await callbackOf(h.fake, submit);
    await flushed();

    expect(thanks.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
    const votes = readRows<any>(h.dbPath, "select vote, comment, correction from votes where answer_id = ?", answerId);
    expect(votes).toEqual([{ vote: "down", comment: "The total is outdated", correction: "$40 billion, Reuters, 2026-11-02" }]);
  });

  it("keeps one vote per user per answer, and each user's own", async () => {
    const { answerId } = await askAndGetButtons();
    await click(`fb:up:${answerId}`, ALICE).callback;
    await click(`fb:up:${answerId}`, ALICE).callback;
    await click(`fb:up:${answerId}`, BOB).callback;
    await flushed();

    const votes = readRows<any>(h.dbPath, "select user_hash from votes where answer_id = ? order by user_hash", answerId);
    expect(votes.map((v) => v.user_hash).sort()).toEqual([hash(ALICE.id), hash(BOB.id)].sort());
  });

  it("accepts an empty modal: a wrong vote with no comment", async () => {
    const { answerId } = await askAndGetButtons();
    const wrong = click(`fb:down:${answerId}`, BOB);
    await wrong.callback;
    await callbackOf(h.fake, h.fake.submitModal({ from: wrong.sent, values: {} }));
    await flushed();

    expect(readRows<any>(h.dbPath, "select vote, comment, correction from votes where answer_id = ?", answerId)).toEqual([{ vote: "down", comment: null, correction: null }]);
  });

  it("puts the buttons under DM and mention answers too, and a click in a DM is recorded", async () => {
    const dm = h.fake.sendDirectMessage({ user: BOB, content: "How much is the OpenAI AWS deal worth?" });
    const dmReply = await h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === dm.id);
    const mention = h.fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, content: "what is the openai amd deal worth?", mentionBot: true });
    const mentionReply = await h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === mention.id);

    expect(buttonsOf(dmReply.body).map((b) => b.label)).toEqual(["Helpful", "Wrong or unhelpful"]);
    expect(buttonsOf(mentionReply.body).map((b) => b.label)).toEqual(["Helpful", "Wrong or unhelpful"]);
    const dmAnswer = answerIdOf(dmReply.body);
    expect((await click(`fb:up:${dmAnswer}`, BOB).callback).body.data.flags).toBe(EPHEMERAL);
    await flushed();
    // LOG_QUESTIONS defaults to guild: the DM's text is not kept, its outcome and facts are.
    const [row] = readRows<any>(h.dbPath, "select text, channel_kind, outcome from questions where id = ?", dmAnswer);
    expect(row).toEqual({ text: null, channel_kind: "dm", outcome: "answered" });
    expect(readRows<any>(h.dbPath, "select vote from votes where answer_id = ?", dmAnswer)).toEqual([{ vote: "up" }]);
  });

  it("leaves no raw user id in the database file, even one typed into a question or a comment", async () => {
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: `what did <@${BOB.id}> and ${BOB.id} say about openai aws?` }] });
    const answerId = answerIdOf((await callbackOf(h.fake, sent)).body.data);
    const wrong = click(`fb:down:${answerId}`);
    await wrong.callback;
    await callbackOf(h.fake, h.fake.submitModal({ from: wrong.sent, values: { comment: `ask <@${ALICE.id}> (${ALICE.id})` } }));
    await flushed();

    const bytes = dbBytes(h.dbPath);
    expect(bytes.length).toBeGreaterThan(4096);
    for (const id of [ALICE.id, BOB.id]) expect(findId(bytes, id), `user ${id}`).toEqual([]);
    expect(bytes.includes(Buffer.from(hash(ALICE.id)))).toBe(true);
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(15);
  });
});

describe("a vote after a restart", () => {
  it("records a click on an answer given before the bot restarted, joined to that answer's question", async () => {
    const { answerId } = await askAndGetButtons("what is the openai oracle deal worth?");
    await h.bot.stop();
    const logger = createLogger({ level: "error", write: () => undefined });
    const again = await createBot(h.config, { logger });
    try {
      await untilTrue(() => again.client.isReady(), "the restarted bot");
      const thanks = await click(`fb:up:${answerId}`, BOB).callback;
      expect(thanks.body.data.flags).toBe(EPHEMERAL);
      await again.deps.questionLog!.flush();
      const rows = readRows<any>(h.dbPath, "select v.vote, q.text from votes v join questions q on q.id = v.answer_id where v.answer_id = ?", answerId);
      expect(rows).toEqual([{ vote: "up", text: "what is the openai oracle deal worth" }]);
    } finally {
      await again.stop();
    }
  });
});
