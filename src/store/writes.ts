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
 * Apply one batch in one transaction, in order. Retrying a batch is safe: a question already
 * written is skipped (its id is the key) and a vote is an upsert, so a batch whose commit was
 * acknowledged late is never duplicated.
 */
export async function writeBatch(db: Kysely<Database>, ops: readonly StoreOp[]): Promise<{ purged: number }> {
  let purged = 0;
  await db.transaction().execute(async (tx) => {
    let questions: QuestionRow[] = [];
    const flushQuestions = async () => {
      for (let i = 0; i < questions.length; i += INSERT_CHUNK) {
        await tx.insertInto("questions").values(questions.slice(i, i + INSERT_CHUNK)).onConflict((oc) => oc.column("id").doNothing()).execute();
      }
      questions = [];
    };
    for (const op of ops) {
      if (op.kind === "question") {
        questions.push(op.row);
        continue;
      }
      await flushQuestions();
      if (op.kind === "vote") await upsertVote(tx, op.row);
      else purged += await purgeBefore(tx, op.before);
    }
    await flushQuestions();
  });
  return { purged };
}

/** One vote per user per answer: a second vote replaces the first. */
export async function upsertVote(db: Kysely<Database>, row: VoteRow): Promise<void> {
  await db
    .insertInto("votes")
    .values(row)
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
