import type { Kysely } from "kysely";
import type { Database, QuestionRow, VoteRow } from "./schema.js";

/** What the write queue carries: a question, a vote, or a retention purge. */
export type StoreOp =
  | { readonly kind: "question"; readonly row: QuestionRow }
  | { readonly kind: "vote"; readonly row: VoteRow }
  | { readonly kind: "purge"; readonly before: number };

/** Rows per INSERT: 12 columns × 400 stays under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 400;

/**
 * Apply one batch in one transaction: questions in multi-row inserts, votes in one multi-row
 * upsert (a user's later vote in the batch wins, as it would one by one), then purges. The tables
 * are independent, so this order gives the same result as applying the ops one by one. Retrying a
 * batch is safe: a question already written is skipped (its id is the key) and votes are upserts.
 */
export async function writeBatch(db: Kysely<Database>, ops: readonly StoreOp[]): Promise<{ purged: number }> {
  const questions: QuestionRow[] = [];
  const votes = new Map<string, VoteRow>();
  const purges: number[] = [];
  for (const op of ops) {
    if (op.kind === "question") questions.push(op.row);
    else if (op.kind === "vote") {
      const key = `${op.row.answer_id}\0${op.row.user_hash}`;
      votes.delete(key);
      votes.set(key, op.row);
    } else purges.push(op.before);
  }
  let purged = 0;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < questions.length; i += INSERT_CHUNK) {
      await tx.insertInto("questions").values(questions.slice(i, i + INSERT_CHUNK)).onConflict((oc) => oc.column("id").doNothing()).execute();
    }
    const voteRows = [...votes.values()];
    for (let i = 0; i < voteRows.length; i += INSERT_CHUNK) await upsertVotes(tx, voteRows.slice(i, i + INSERT_CHUNK));
    for (const before of purges) purged += await purgeBefore(tx, before);
  });
  return { purged };
}

/** One vote per user per answer: a second vote replaces the first. Rows must have distinct keys. */
export async function upsertVotes(db: Kysely<Database>, rows: readonly VoteRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("votes")
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(["answer_id", "user_hash"]).doUpdateSet((eb) => ({
        vote: eb.ref("excluded.vote"),
        comment: eb.ref("excluded.comment"),
        correction: eb.ref("excluded.correction"),
        voted_at: eb.ref("excluded.voted_at"),
        shard: eb.ref("excluded.shard"),
      })),
    )
    .execute();
}

/** Delete questions and votes older than `before` (ms since the epoch); returns rows deleted. */
export async function purgeBefore(db: Kysely<Database>, before: number): Promise<number> {
  const q = await db.deleteFrom("questions").where("asked_at", "<", before).executeTakeFirst();
  const v = await db.deleteFrom("votes").where("voted_at", "<", before).executeTakeFirst();
  return Number(q.numDeletedRows) + Number(v.numDeletedRows);
}
