import { cacheDirFor, openIndex } from "../engine/bootstrap.js";
import { readQuestion } from "../engine/read/read-question.js";
import { readerKnowledge } from "../engine/reader-knowledge.js";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../engine/answer.js";
import { renderBody } from "../render/plain.js";
import { runCli } from "./run-cli.js";

/**
 * `npm run explain -- "question" ["follow-up" ...]`: how the engine reads each question (the
 * structured query), what it answers, and the conversation context it keeps. For debugging.
 */
runCli(async (config) => {
  const index = await openIndex(config.DATA_DIR, { cacheDir: cacheDirFor(config.KB_CACHE_DIR) });
  let ctx: ConversationContext = EMPTY_CONTEXT;
  for (const q of process.argv.slice(2)) {
    const read = readQuestion(readerKnowledge(index), q);
    const { lemmas, text, lower, ...shown } = read;
    void lemmas; void text; void lower;
    console.log(`\n> ${q}\n${JSON.stringify({ ...shown, entities: read.entities.map((e) => `${e.id}${e.hasDeals ? "" : "(no deals)"}`) })}`);
    const turn = answerQuestion(index, q, ctx);
    console.log(`[${turn.answer.outcome}] ${renderBody(turn.answer)}`);
    ctx = turn.context;
    console.log(`context: ${JSON.stringify(ctx)}`);
  }
  return 0;
});
