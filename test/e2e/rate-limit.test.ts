/** The per-user token bucket (RATE_LIMIT_BURST at once, one more every RATE_LIMIT_REFILL_SECONDS) as users meet it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-discord/index.js";
import { askSlash, EPHEMERAL, expectSilentMentions, QUESTION, startHarness, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { RATE_LIMIT_BURST: "2", RATE_LIMIT_REFILL_SECONDS: "60" } });
});

afterAll(async () => {
  await h?.stop();
});

/** A user no earlier test has counted against the limit. */
let nextUser = 1;
const freshUser = (): FakeUser => ({ id: `16000000000000000${String(nextUser).padStart(2, "0")}`, username: `asker-${nextUser++}` });

const RETRY = /try again in (\d+) seconds?/;

describe("rate limit", () => {
  it("answers a user's first two /ask, then tells them privately (flag 64) how many seconds to wait", async () => {
    const user = freshUser();
    const first = await askSlash(h, user, QUESTION);
    const second = await askSlash(h, user, QUESTION);
    const third = await askSlash(h, user, QUESTION);

    for (const answered of [first, second]) expect(answered.body.data.embeds[0].description).toContain("$38 billion");
    expect(third.body.type).toBe(4);
    expect(third.body.data.flags).toBe(EPHEMERAL);
    expect(third.body.data.embeds ?? []).toEqual([]);
    const seconds = Number(RETRY.exec(third.body.data.content)?.[1]);
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it("does not limit a different user while the first one is limited", async () => {
    const limitedUser = freshUser();
    const otherUser = freshUser();
    await askSlash(h, limitedUser, QUESTION);
    await askSlash(h, limitedUser, QUESTION);

    const limited = await askSlash(h, limitedUser, QUESTION);
    const other = await askSlash(h, otherUser, QUESTION);

    expect(limited.body.data.content).toMatch(RETRY);
    expect(other.body.data.flags ?? 0).toBe(0);
    expect(other.body.data.embeds[0].description).toContain("$38 billion");
  });

  it("counts DMs against the same limit as /ask", async () => {
    const user = freshUser();
    await askSlash(h, user, QUESTION);
    await askSlash(h, user, QUESTION);
    const sent = h.fake.sendDirectMessage({ user, content: QUESTION });

    const reply = await h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id);

    expect(reply.path).toBe(`/channels/${h.fake.dmChannelId(user.id)}/messages`);
    expect(reply.body.content).toMatch(RETRY);
    expect(reply.body.embeds ?? []).toEqual([]);
  });

  it("D6: a flood of 200 DMs from one user gets 2 answers and one notice, not 200 replies", async () => {
    const user = freshUser();
    const channel = h.fake.dmChannelId(user.id);
    const sent = Array.from({ length: 200 }, (_, i) => h.fake.sendDirectMessage({ user, content: `${QUESTION} ${i}` }));
    const last = sent.at(-1)!;
    // The handlers run in order; a question after the flood from another user marks the end.
    const marker = freshUser();
    const after = h.fake.sendDirectMessage({ user: marker, content: QUESTION });
    await h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === after.id, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const replies = h.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channel}/messages`);
    expect(replies.filter((r) => (r.body?.embeds ?? []).length > 0)).toHaveLength(2);
    expect(replies.filter((r) => RETRY.test(r.body?.content ?? ""))).toHaveLength(1);
    expect(replies).toHaveLength(3);
    expect(last.delivered).toBe(true);
  }, 30_000);

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(10);
  });
});
