import type { Generated } from "kysely";

/**
 * The tables, as Kysely sees them. Times are milliseconds since the epoch in a double column
 * (REAL in SQLite, double precision in PostgreSQL), so both drivers hand back a plain number.
 */
export interface QuestionsTable {
  /** Random answer id: the buttons' custom ids carry it. Never derived from a user or message id. */
  id: string;
  asked_at: number;
  /** Normalised question text; null when LOG_QUESTIONS keeps no text for this channel kind. */
  text: string | null;
  /** answered | declined | trap | help | rate_limited */
  outcome: string;
  /** The engine's own outcome or kind, for curators: e.g. "corrected", "refused", "figure". */
  answer_kind: string;
  /** JSON array of every fact id the reply cited. */
  fact_ids: string;
  /** JSON array of the fact ids that are the answer (falls back to fact_ids). */
  primary_fact_ids: string;
  latency_ms: number;
  shard: number;
  data_version: string;
  /** HMAC-SHA256 (hex) of the user id under LOG_HMAC_SECRET. */
  user_hash: string;
  /** guild | dm */
  channel_kind: string;
}

export interface VotesTable {
  answer_id: string;
  user_hash: string;
  /** up | down */
  vote: string;
  comment: string | null;
  correction: string | null;
  voted_at: number;
  shard: number;
}

export interface KyselyMigrationMarker {
  id: Generated<number>;
}

export interface Database {
  questions: QuestionsTable;
  votes: VotesTable;
}

export type QuestionRow = QuestionsTable;
export type VoteRow = VotesTable;
