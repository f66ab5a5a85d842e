import { describe, expect, it } from "vitest";
import { ConversationStore } from "../src/conversation-store.js";
import { EMPTY_CONTEXT } from "../src/engine/answer.js";
import { RateLimiter } from "../src/rate-limit.js";

describe("RateLimiter", () => {
  it("lets a user ask up to the limit in a window, then says how long to wait", () => {
    const limiter = new RateLimiter(2, 60_000);
    expect(limiter.take("u", 0)).toEqual({ ok: true });
    expect(limiter.take("u", 1000)).toEqual({ ok: true });
    expect(limiter.take("u", 2000)).toEqual({ ok: false, retryAfterMs: 58_000 });
    expect(limiter.take("other", 2000)).toEqual({ ok: true });
    expect(limiter.take("u", 60_001)).toEqual({ ok: true });
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
});
