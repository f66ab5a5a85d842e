import { LRUCache } from "lru-cache";

export interface RateLimitOptions {
  /** Questions a user may ask at once (RATE_LIMIT_BURST). */
  readonly burst: number;
  /** One more question every this many ms, up to the burst (RATE_LIMIT_REFILL_SECONDS). */
  readonly refillMs: number;
  /** Users tracked at most; the least recently seen is forgotten first (it then starts with a full bucket). */
  readonly maxUsers?: number;
}

export type RateLimitResult =
  | { readonly ok: true }
  /** `notify` is true for the first refusal until the user may ask again: one notice per wait, not one per message. */
  | { readonly ok: false; readonly retryAfterMs: number; readonly notify: boolean };

interface Bucket {
  tokens: number;
  at: number;
  /** No further notice before this time. */
  quietUntil: number;
}

/**
 * A per-user token bucket: a real conversation's burst of follow-ups goes through, a flood does
 * not. Held in an LRU map (lru-cache), so memory is bounded and every question is O(1) work, with
 * no scan at any number of users. The clock is passed in, so it is testable and holds no timers.
 */
export class RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;
  private readonly burst: number;
  private readonly refillMs: number;

  constructor(options: RateLimitOptions) {
    this.burst = options.burst;
    this.refillMs = options.refillMs;
    this.buckets = new LRUCache({ max: options.maxUsers ?? 100_000 });
  }

  /** Users currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  take(userId: string, now: number): RateLimitResult {
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, at: now, quietUntil: 0 };
    bucket.tokens = Math.min(this.burst, bucket.tokens + Math.max(0, now - bucket.at) / this.refillMs);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const retryAfterMs = Math.ceil((1 - bucket.tokens) * this.refillMs);
    const notify = now >= bucket.quietUntil;
    if (notify) bucket.quietUntil = now + retryAfterMs;
    return { ok: false, retryAfterMs, notify };
  }
}
