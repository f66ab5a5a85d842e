import type { ConversationStore } from "./conversation-store.js";
import type { Answer } from "./engine/answer-model.js";
import { answerQuestion } from "./engine/answer.js";
import type { SearchIndex } from "./engine/search-index.js";
import type { RateLimiter } from "./rate-limit.js";

export type AskOutcome =
  | { readonly kind: "answer"; readonly answer: Answer }
  /** `notify`: false when this user was already told to wait; a message then gets no reply. */
  | { readonly kind: "limited"; readonly retryAfterMs: number; readonly notify: boolean };

/** One question from one user: rate limit, conversation context, answer. Shared by /ask, DMs and mentions. */
export function ask(
  deps: { limiter: RateLimiter; conversations: ConversationStore; now: () => number },
  index: SearchIndex,
  userId: string,
  conversationKey: string,
  question: string,
): AskOutcome {
  const now = deps.now();
  const gate = deps.limiter.take(userId, now);
  if (!gate.ok) return { kind: "limited", retryAfterMs: gate.retryAfterMs, notify: gate.notify };
  const turn = answerQuestion(index, question, deps.conversations.get(conversationKey, now));
  deps.conversations.set(conversationKey, turn.context, now);
  return { kind: "answer", answer: turn.answer };
}

export function rateLimitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up. Please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
