import { performance } from "node:perf_hooks";
import { ask, type AskOutcome } from "../ask-service.js";
import type { ChannelKind } from "../store/question-log.js";
import { QuestionLog } from "../store/question-log.js";
import type { BotDeps } from "./types.js";

export interface LoggedAsk {
  readonly outcome: AskOutcome;
  /** The id the feedback buttons carry; undefined when nothing is logged or the user was limited. */
  readonly answerId: string | undefined;
  /** Await the reply's delivery, then log the question with the time from arrival to delivery. */
  delivered<T>(reply: Promise<T>): Promise<T>;
}

export interface AskInput {
  readonly userId: string;
  readonly conversationKey: string;
  readonly question: string;
  readonly channel: ChannelKind;
  readonly shard: number;
}

/**
 * `ask` plus the question log: the answer is computed exactly as before; the log row is queued
 * after Discord took the reply (or refused it), so logging adds nothing to the reply's latency.
 */
export function askLogged(deps: BotDeps, input: AskInput): LoggedAsk {
  const started = performance.now();
  const index = deps.live.get();
  const outcome = ask(deps, index, input.userId, input.conversationKey, input.question);
  const log = deps.questionLog;
  const answerId = log ? QuestionLog.newAnswerId() : undefined;
  const record = () =>
    log?.recordQuestion({
      answerId: answerId ?? "",
      question: input.question,
      answer: outcome.kind === "answer" ? outcome.answer : undefined,
      latencyMs: performance.now() - started,
      shard: input.shard,
      dataVersion: index.kb.version,
      userId: input.userId,
      channel: input.channel,
    });
  return {
    outcome,
    answerId: outcome.kind === "answer" ? answerId : undefined,
    delivered: async (reply) => {
      try {
        return await reply;
      } finally {
        try {
          record();
        } catch (err) {
          deps.logger.warn("question log: could not record a question", { error: err });
        }
      }
    },
  };
}
