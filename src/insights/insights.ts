import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { type LogOutcome, OUTCOMES } from "../store/question-log.js";
import { groupQuestions, type QuestionGroup } from "./grouping.js";

export interface WrongFact {
  readonly factId: string;
  /** "Wrong or unhelpful" votes on answers that gave this fact. */
  readonly count: number;
  /** The users' comments and corrections, newest first. */
  readonly comments: readonly string[];
}

export interface Insights {
  readonly days: number;
  readonly since: number;
  readonly total: number;
  readonly outcomes: Readonly<Record<LogOutcome, number>>;
  /** Over replies (rate-limit notices excluded); null when there were none. */
  readonly latency: { readonly median: number; readonly p95: number } | null;
  readonly unanswered: readonly QuestionGroup[];
  /** Declined questions whose text was not kept (DMs under LOG_QUESTIONS=guild). */
  readonly unansweredWithoutText: number;
  readonly wrongFacts: readonly WrongFact[];
  readonly votes: { readonly up: number; readonly down: number };
  /** Down votes on answers that marked no fact (a decline judged unhelpful, say). */
  readonly downWithoutFacts: number;
}

const DAY_MS = 86_400_000;
const MAX_TEXTS = 10_000;
const MAX_COMMENTS = 5;

/** Everything `/admin insights` and `npm run insights` show, for the last `days` days. */
export async function readInsights(db: Kysely<Database>, days: number, now = Date.now()): Promise<Insights> {
  const since = now - days * DAY_MS;
  const inWindow = db.selectFrom("questions").where("asked_at", ">=", since);

  const byOutcome = await inWindow.select(["outcome", (eb) => eb.fn.countAll().as("n")]).groupBy("outcome").execute();
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<LogOutcome, number>;
  for (const row of byOutcome) if ((OUTCOMES as readonly string[]).includes(row.outcome)) outcomes[row.outcome as LogOutcome] = Number(row.n);
  const total = Object.values(outcomes).reduce((a, b) => a + b, 0);

  const texts = await inWindow
    .where("outcome", "=", "declined")
    .where("text", "is not", null)
    .select(["text", (eb) => eb.fn.countAll().as("n"), (eb) => eb.fn.max("asked_at").as("last")])
    .groupBy("text")
    .orderBy("n", "desc")
    .limit(MAX_TEXTS)
    .execute();
  const unanswered = groupQuestions(texts.map((t) => ({ text: t.text ?? "", count: Number(t.n), lastAsked: Number(t.last) })));
  const withText = texts.reduce((n, t) => n + Number(t.n), 0);

  const voteCounts = await db.selectFrom("votes").where("voted_at", ">=", since).select(["vote", (eb) => eb.fn.countAll().as("n")]).groupBy("vote").execute();
  const votes = { up: 0, down: 0 };
  for (const v of voteCounts) if (v.vote === "up" || v.vote === "down") votes[v.vote] = Number(v.n);

  const down = await db
    .selectFrom("votes")
    .innerJoin("questions", "questions.id", "votes.answer_id")
    .where("votes.vote", "=", "down")
    .where("votes.voted_at", ">=", since)
    .select(["votes.comment", "votes.correction", "votes.voted_at", "questions.primary_fact_ids"])
    .orderBy("votes.voted_at", "desc")
    .execute();
  const facts = new Map<string, { count: number; comments: string[] }>();
  let downWithoutFacts = 0;
  for (const vote of down) {
    const ids = parseIds(vote.primary_fact_ids);
    if (ids.length === 0) downWithoutFacts++;
    const note = [vote.comment, vote.correction ? `right figure: ${vote.correction}` : null].filter(Boolean).join(" · ");
    for (const id of ids) {
      const entry = facts.get(id) ?? { count: 0, comments: [] };
      entry.count++;
      if (note && entry.comments.length < MAX_COMMENTS) entry.comments.push(note);
      facts.set(id, entry);
    }
  }
  const wrongFacts = [...facts.entries()].map(([factId, f]) => ({ factId, ...f })).sort((a, b) => b.count - a.count || a.factId.localeCompare(b.factId));

  return {
    days, since, total, outcomes,
    latency: await latencyPercentiles(db, since),
    unanswered,
    unansweredWithoutText: outcomes.declined - withText,
    wrongFacts,
    votes,
    downWithoutFacts,
  };
}

/** Median and p95 (nearest rank) by ORDER BY … OFFSET, which both dialects run the same way. */
async function latencyPercentiles(db: Kysely<Database>, since: number): Promise<Insights["latency"]> {
  const replies = db.selectFrom("questions").where("asked_at", ">=", since).where("outcome", "!=", "rate_limited");
  const n = Number((await replies.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst())?.n ?? 0);
  if (n === 0) return null;
  const at = async (q: number) => {
    const offset = Math.max(0, Math.ceil(q * n) - 1);
    const row = await replies.select("latency_ms").orderBy("latency_ms").limit(1).offset(offset).executeTakeFirst();
    return Number(row?.latency_ms ?? 0);
  };
  return { median: await at(0.5), p95: await at(0.95) };
}

function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
