import { type ConversationContext, EMPTY_CONTEXT } from "./engine/answer.js";

/** Conversation context per user, forgotten after a period of silence. */
export class ConversationStore {
  private readonly entries = new Map<string, { context: ConversationContext; at: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, now: number): ConversationContext {
    const entry = this.entries.get(key);
    if (!entry || now - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return EMPTY_CONTEXT;
    }
    return entry.context;
  }

  set(key: string, context: ConversationContext, now: number): void {
    this.entries.set(key, { context, at: now });
    if (this.entries.size > 10_000) {
      for (const [k, v] of this.entries) if (now - v.at > this.ttlMs) this.entries.delete(k);
    }
  }
}
