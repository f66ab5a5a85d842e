import { describe, expect, it } from "vitest";
import { ConversationStore } from "../src/conversation-store.js";
import { EMPTY_CONTEXT } from "../src/engine/answer.js";
import { stem, stemCacheStats } from "../src/engine/text.js";
import { RateLimiter } from "../src/rate-limit.js";

describe("RateLimiter (token bucket)", () => {
  it("lets a burst of 10 through at once, then one question every 6 s", () => {
    const limiter = new RateLimiter({ burst: 10, refillMs: 6000 });
    for (let i = 0; i < 10; i++) expect(limiter.take("u", i * 100)).toEqual({ ok: true });
    expect(limiter.take("u", 1000)).toMatchObject({ ok: false, retryAfterMs: 6000 - 1000 });
    expect(limiter.take("other", 1000)).toEqual({ ok: true });
    expect(limiter.take("u", 6000)).toEqual({ ok: true });
    expect(limiter.take("u", 6001)).toMatchObject({ ok: false });
    // A long pause refills the bucket up to the burst, never beyond it.
    for (let i = 0; i < 10; i++) expect(limiter.take("u", 600_000)).toEqual({ ok: true });
    expect(limiter.take("u", 600_000)).toMatchObject({ ok: false });
  });

  it("D6: asks for one notice per wait, not one per refused message (200 DMs get 1 notice)", () => {
    const limiter = new RateLimiter({ burst: 5, refillMs: 12_000 });
    const results = Array.from({ length: 200 }, (_, i) => limiter.take("flooder", i * 10));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.notify)).toHaveLength(1);
    // Once the wait is over and the user is refused again, one more notice.
    limiter.take("flooder", 2000 + 12_000);
    expect(limiter.take("flooder", 2000 + 12_001)).toMatchObject({ ok: false, notify: true });
  });

  it("D7: stays bounded with 30,000 distinct users inside one window (the old map held all of them)", () => {
    const limiter = new RateLimiter({ burst: 10, refillMs: 6000, maxUsers: 1000 });
    for (let i = 0; i < 30_000; i++) limiter.take(`user-${i}`, i);
    expect(limiter.size).toBe(1000);
    // The most recent users are the ones kept, with their counts.
    for (let i = 0; i < 9; i++) limiter.take("user-29999", 30_000);
    expect(limiter.take("user-29999", 30_000)).toMatchObject({ ok: false });
  });
});

describe("ConversationStore", () => {
  it("remembers a user's context until it has been idle for the TTL", () => {
    const store = new ConversationStore(1000);
    const ctx = { entities: ["openai"], dealIds: ["openai-aws-2025"], metrics: [] };
    store.set("dm:u", ctx, 0);
    expect(store.get("dm:u", 999)).toBe(ctx);
    expect(store.get("dm:u", 2500)).toBe(EMPTY_CONTEXT);
    expect(store.get("dm:someone-else", 0)).toBe(EMPTY_CONTEXT);
  });

  it("D7: holds at most its bound of conversations, forgetting the longest idle first", () => {
    const store = new ConversationStore(15 * 60_000, 500);
    const ctx = { entities: ["openai"], dealIds: [], metrics: [] };
    for (let i = 0; i < 38_401; i++) store.set(`dm:${i}`, ctx, i);
    expect(store.size).toBe(500);
    expect(store.get("dm:38400", 40_000)).toBe(ctx);
    expect(store.get("dm:0", 40_000)).toBe(EMPTY_CONTEXT);
  });
});

describe("stem cache", () => {
  it("D8: does not keep 200,000 long user terms (the old cache kept them all, about 100 MB)", () => {
    const filler = "x".repeat(470);
    for (let i = 0; i < 200_000; i++) stem(`${filler}${i.toString(36)}ing`);
    const { entries, chars } = stemCacheStats();
    expect(entries).toBeLessThanOrEqual(50_000);
    expect(chars).toBeLessThanOrEqual(4_000_000);
    expect(stem("approved")).toBe(stem("approval"));
  });
});
