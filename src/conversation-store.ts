import { LRUCache } from "lru-cache";
import { type ConversationContext, EMPTY_CONTEXT } from "./engine/answer.js";

/**
 * Conversation context per user, forgotten after a period of silence. An LRU map (lru-cache)
 * bounds it at `maxEntries`, forgetting the longest-idle conversation first, with O(1) work per
 * question; expiry is checked on read against the clock passed in.
 */
export class ConversationStore {
  private readonly entries: LRUCache<string, { context: ConversationContext; at: number }>;

  constructor(private readonly ttlMs: number, maxEntries = 50_000) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** Conversations currently held. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): ConversationContext {
    const entry = this.entries.get(key);
    if (!entry || now - entry.at > this.ttlMs) {
      if (entry) this.entries.delete(key);
      return EMPTY_CONTEXT;
    }
    return entry.context;
  }

  set(key: string, context: ConversationContext, now: number): void {
    this.entries.set(key, { context, at: now });
  }
}
