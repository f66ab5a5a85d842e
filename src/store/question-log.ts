import { createHmac, randomBytes } from "node:crypto";
import type { Config } from "../config/config.js";
import type { Answer } from "../engine/answer-model.js";
import { cleanComment, normaliseQuestion } from "../feedback/normalise.js";
import type { Logger } from "../logger.js";
import type { QuestionRow } from "./schema.js";
import { type BatchWriter, isBusy } from "./store-writer.js";
import { ThreadedStoreWriter } from "./threaded-writer.js";
import { type QueueStats, WriteQueue } from "./write-queue.js";
import type { StoreOp } from "./writes.js";

export type ChannelKind = "guild" | "dm";
export type LogOutcome = "answered" | "declined" | "trap" | "help" | "rate_limited";
export const OUTCOMES: readonly LogOutcome[] = ["answered", "declined", "trap", "help", "rate_limited"];

export interface QuestionEvent {
  readonly answerId: string;
  readonly question: string;
  /** Undefined when the user was rate-limited. */
  readonly answer: Answer | undefined;
  readonly latencyMs: number;
  readonly shard: number;
  readonly dataVersion: string;
  readonly userId: string;
  readonly channel: ChannelKind;
  readonly at?: number;
}

export interface VoteEvent {
  readonly answerId: string;
  readonly userId: string;
  readonly vote: "up" | "down";
  readonly comment?: string | null;
  readonly correction?: string | null;
  readonly shard: number;
  readonly at?: number;
}

const DAY_MS = 86_400_000;

/** The engine's outcome, where it gives one; otherwise answered or declined from `answered`. */
export function outcomeOf(answer: Answer | undefined): { outcome: LogOutcome; kind: string } {
  if (!answer) return { outcome: "rate_limited", kind: "rate_limited" };
  const own = (answer as { outcome?: string }).outcome;
  const kind = (own ?? answer.kind).slice(0, 32);
  if (own === "corrected" || own === "refused") return { outcome: "trap", kind };
  if (own === "help") return { outcome: "help", kind };
  if (own === "declined") return { outcome: "declined", kind };
  if (own === "answered") return { outcome: "answered", kind };
  return { outcome: answer.answered ? "answered" : "declined", kind };
}

/** Fact ids the reply cited (computed totals count their inputs), and those that are the answer. */
export function factIdsOf(answer: Answer | undefined): { all: string[]; primary: string[] } {
  if (!answer) return { all: [], primary: [] };
  const idsOf = (f: Answer["figures"][number]) => (f.factId ? [f.factId] : [...(f.computedFrom ?? [])]);
  const all = [...new Set(answer.figures.flatMap(idsOf))];
  const primaryIdx = (answer as { primary?: readonly number[] }).primary;
  const primary = primaryIdx ? [...new Set(primaryIdx.flatMap((i) => (answer.figures[i] ? idsOf(answer.figures[i]) : [])))] : all;
  return { all, primary };
}

/**
 * The question log and feedback votes. Recording is synchronous and cheap (a row into the write
 * queue); the database sees it on the next flush. User ids only ever leave here as an HMAC.
 */
export class QuestionLog {
  private readonly queue: WriteQueue<StoreOp>;
  private readonly purgeTimer: NodeJS.Timeout;

  constructor(
    private readonly settings: Pick<Config, "LOG_QUESTIONS" | "LOG_RETENTION_DAYS" | "LOG_FLUSH_MS" | "LOG_BATCH_ROWS" | "LOG_QUEUE_MAX"> & { LOG_HMAC_SECRET: string },
    readonly writer: BatchWriter,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new WriteQueue<StoreOp>({
      write: (batch) => writer.write(batch),
      flushMs: settings.LOG_FLUSH_MS,
      batchRows: settings.LOG_BATCH_ROWS,
      maxQueued: settings.LOG_QUEUE_MAX,
      retryMs: { min: 50, max: 30_000 },
      isTransient: isBusy,
      logger,
      now,
    });
    // Retention: once at start-up, then daily.
    this.purge();
    this.purgeTimer = setInterval(() => this.purge(), DAY_MS);
    this.purgeTimer.unref();
  }

  /**
   * The log for a bot with these settings, or undefined (with the reason logged once) when
   * nothing may be stored: LOG_QUESTIONS=off, or no LOG_HMAC_SECRET to hash user ids with.
   */
  static fromConfig(config: Config, logger: Logger): QuestionLog | undefined {
    if (config.LOG_QUESTIONS === "off") return undefined;
    const secret = config.LOG_HMAC_SECRET;
    if (!secret) {
      logger.warn("question log and feedback buttons are off: set LOG_HMAC_SECRET (user ids are only ever stored as an HMAC)");
      return undefined;
    }
    const writer = new ThreadedStoreWriter({ url: config.DATABASE_URL, path: config.DB_PATH }, logger);
    return new QuestionLog({ ...config, LOG_HMAC_SECRET: secret }, writer, logger);
  }

  /**
   * Wait (at most `timeoutMs`) until the writer has started: its thread loaded and the database
   * opened. The bot waits for this before it goes online, so that start-up work (about a second of
   * CPU) never competes with answering. Never rejects; on timeout the writer simply keeps starting.
   */
  async started(timeoutMs: number): Promise<void> {
    if (!this.writer.ready) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([this.writer.ready().catch(() => undefined), late]);
    clearTimeout(timer);
  }

  /** A fresh answer id: random, so a button's custom id says nothing about who asked. */
  static newAnswerId(): string {
    return randomBytes(12).toString("base64url");
  }

  hashUser(userId: string): string {
    return createHmac("sha256", this.settings.LOG_HMAC_SECRET).update(userId).digest("hex");
  }

  /** Whether the question text of this channel kind may be kept. */
  keepsText(channel: ChannelKind): boolean {
    return this.settings.LOG_QUESTIONS === "all" || (this.settings.LOG_QUESTIONS === "guild" && channel === "guild");
  }

  recordQuestion(e: QuestionEvent): void {
    this.queue.push({ kind: "question", row: this.questionRow(e) });
  }

  recordVote(e: VoteEvent): void {
    this.queue.push({
      kind: "vote",
      row: {
        answer_id: e.answerId.slice(0, 32),
        user_hash: this.hashUser(e.userId),
        vote: e.vote,
        comment: cleanComment(e.comment),
        correction: cleanComment(e.correction),
        voted_at: e.at ?? this.now(),
        shard: e.shard,
      },
    });
  }

  /** Queue a purge of rows older than LOG_RETENTION_DAYS. */
  purge(): void {
    this.queue.push({ kind: "purge", before: this.now() - this.settings.LOG_RETENTION_DAYS * DAY_MS });
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  stats(): QueueStats & { purged: number } {
    return { ...this.queue.stats(), purged: this.writer.purged };
  }

  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.queue.close();
    await this.writer.close();
  }

  private questionRow(e: QuestionEvent): QuestionRow {
    const { outcome, kind } = outcomeOf(e.answer);
    const facts = factIdsOf(e.answer);
    return {
      id: e.answerId.slice(0, 32),
      asked_at: e.at ?? this.now(),
      text: this.keepsText(e.channel) ? normaliseQuestion(e.question) : null,
      outcome,
      answer_kind: kind,
      fact_ids: JSON.stringify(facts.all),
      primary_fact_ids: JSON.stringify(facts.primary),
      latency_ms: Math.round(e.latencyMs * 1000) / 1000,
      shard: e.shard,
      data_version: e.dataVersion.slice(0, 64),
      user_hash: this.hashUser(e.userId),
      channel_kind: e.channel,
    };
  }
}
