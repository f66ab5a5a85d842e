import type { Entity } from "../kb/types.js";
import { EVERYDAY_COUNT, frequency } from "./word-frequency.js";
import { editDistance, normalize, STOPWORDS, typoBudget } from "./text.js";

export interface EntityMention {
  readonly entityId: string;
  /** The root of the entity's parent chain: AWS and Amazon share the group "amazon". */
  readonly group: string;
  /** Token position in the question, for ordering. */
  readonly position: number;
  readonly exact: boolean;
  /** The words of the question that named it, lower-cased. */
  readonly text: string;
}

/**
 * Words that are everyday in questions about deals even though they are rare in general English:
 * as single-word aliases they count only when capitalised ("Related", "Frontier").
 */
const DOMAIN_EVERYDAY = new Set(["related", "aligned", "core", "open", "blue", "owl", "frontier", "digital", "capital", "global", "power", "energy", "cloud", "compute", "data", "partners", "group", "infrastructure", "first", "new", "one", "ai", "lambda"]);

const DEAL_NOUNS = new Set(["deal", "deals", "acquisition", "buyout", "takeover", "contract", "agreement", "merger", "campus", "lease", "bond", "bonds", "investment", "stake", "jv", "venture", "pledge", "ppa"]);

/** A word alias or short ticker that must be written as the data writes it to count. */
function needsCase(alias: string): boolean {
  const w = alias.toLowerCase();
  if (/\s/.test(w)) return false;
  return DOMAIN_EVERYDAY.has(w) || frequency(w) > EVERYDAY_COUNT || w.length <= 2;
}

const WORD = /\$?\d+(?:[.,]\d+)*%?|[\p{L}0-9]+(?:[.&][\p{L}0-9]+)*/gu;

function words(text: string): Array<{ lower: string; original: string }> {
  const cleaned = text.normalize("NFKC").replace(/[‘’]/g, "'").replace(/'s\b/gi, "");
  return (cleaned.match(WORD) ?? []).map((original) => ({ original, lower: normalize(original) }));
}

/** Texts whose mentions a matcher remembers (titles and their words, questions) before it starts again. */
const MEMO_SIZE = 50_000;

/**
 * Recognises the companies, people and projects named in a question, by name or alias, tolerating
 * a typo in longer names ("opnai", "amazn", "orcale").
 */
export class EntityMatcher {
  private readonly byKey = new Map<string, string[]>();
  /** One-word aliases by first letter: a typo keeps its first letter, so only those are compared. */
  private readonly singleWord = new Map<string, Array<{ key: string; id: string }>>();
  private readonly maxWords: number;
  private readonly groups = new Map<string, string>();
  /** Keys that only match when written exactly as in the data (tickers like "MS", words like "Arm"). */
  private readonly caseSensitive = new Map<string, Set<string>>();
  /** All-caps tickers (MS, ARM, OWL): matched only as written, so "arm" or "ms" in a question is not a company. */
  private readonly tickers = new Map<string, string[]>();

  constructor(entities: Iterable<Entity>, private readonly knownWords: ReadonlySet<string>) {
    const all = [...entities];
    const byId = new Map(all.map((e) => [e.id, e]));
    let maxWords = 1;
    for (const e of all) {
      this.groups.set(e.id, rootOf(e, byId));
      for (const t of e.tickers) this.tickers.set(t, [...(this.tickers.get(t) ?? []), e.id]);
      for (const alias of new Set([e.name, ...e.aliases, ...e.wordAliases])) {
        const key = words(alias).map((w) => w.lower).join(" ");
        if (!key) continue;
        const ids = this.byKey.get(key) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        this.byKey.set(key, ids);
        const n = key.split(" ").length;
        maxWords = Math.max(maxWords, n);
        if (n === 1) {
          const bucket = this.singleWord.get(key[0] ?? "") ?? [];
          bucket.push({ key, id: e.id });
          this.singleWord.set(key[0] ?? "", bucket);
        }
        // "Core Weave" is also written "coreweave".
        if (n > 1) this.byKey.set(key.replace(/ /g, ""), ids);
      }
    }
    this.maxWords = maxWords;
  }

  groupOf(entityId: string): string {
    return this.groups.get(entityId) ?? entityId;
  }

  /**
   * The mentions in a text, remembered per text (a fresh array each call): warming an index asks
   * about the same title words for every deal, and a matcher lives across diff reloads while the
   * entities are the same. At 100k facts the misses' typo search took ~300 ms of each reload.
   */
  recognise(question: string): EntityMention[] {
    const known = this.memo.get(question);
    if (known) return [...known];
    const found = this.match(question);
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(question, Object.freeze(found.map((m) => Object.freeze(m))));
    return [...found];
  }

  private readonly memo = new Map<string, readonly EntityMention[]>();

  private match(question: string): EntityMention[] {
    const tokens = words(question);
    const found = new Map<string, EntityMention>();
    const add = (id: string, position: number, exact: boolean, text: string) => {
      if (!found.has(id)) found.set(id, { entityId: id, group: this.groupOf(id), position, exact, text });
    };
    for (let i = 0; i < tokens.length; ) {
      let matched = 0;
      for (let n = Math.min(this.maxWords, tokens.length - i); n >= 1 && matched === 0; n--) {
        const span = tokens.slice(i, i + n);
        const key = span.map((t) => t.lower).join(" ");
        // "metas infra deals", "nvidias stake": a possessive typed without its apostrophe.
        const ids = this.byKey.get(key) ?? (n === 2 ? this.byKey.get(key.replace(/ /g, "")) : undefined) ?? (n === 1 ? this.possessive(key) : undefined);
        if (!ids) continue;
        const forms = this.caseSensitive.get(key);
        // "aligned" counts as Aligned only when written so, or right before a deal word ("the aligned deal").
        const next = tokens[i + n]?.lower ?? "";
        if (forms && !forms.has(span.map((t) => t.original).join(" ")) && !(n === 1 && key.length > 3 && DEAL_NOUNS.has(next) && !/^(?:arm|son|sam|open|core|blue|owl|first|new|one)$/.test(key))) continue;
        ids.forEach((id) => add(id, i, true, key));
        matched = n;
      }
      const ticker = matched === 0 ? this.tickers.get(tokens[i]!.original) : undefined;
      if (ticker) {
        ticker.forEach((id) => add(id, i, true, tokens[i]!.lower));
        matched = 1;
      }
      if (matched === 0) {
        const token = tokens[i]!;
        const id = this.fuzzy(token.lower);
        if (id) add(id, i, false, token.lower);
        matched = 1;
      }
      i += matched;
    }
    return [...found.values()].sort((a, b) => a.position - b.position);
  }

  private possessive(key: string): string[] | undefined {
    if (key.length < 4 || !key.endsWith("s") || key.endsWith("ss")) return undefined;
    const stem = key.slice(0, -1);
    return this.caseSensitive.has(stem) || this.knownWords.has(key) ? undefined : this.byKey.get(stem);
  }

  private fuzzy(token: string): string | undefined {
    if (token.length < 5 || STOPWORDS.has(token) || this.knownWords.has(token) || /\d/.test(token)) return undefined;
    let best: { id: string; d: number } | undefined;
    for (const { key, id } of this.singleWord.get(token[0] ?? "") ?? []) {
      if (this.caseSensitive.has(key)) continue;
      const budget = typoBudget(key.length);
      if (budget === 0) continue;
      const d = editDistance(token, key, budget);
      if (d <= budget && (!best || d < best.d)) best = { id, d };
    }
    return best?.id;
  }
}

/** A company's group is the top of its parent chain (AWS -> Amazon); a project or a person's is its own. */
function rootOf(e: Entity, byId: Map<string, Entity>): string {
  if (e.kind === "project") return e.id;
  let current = e;
  const seen = new Set<string>();
  while (current.parent !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.parent);
    if (!parent) break;
    current = parent;
  }
  return current.id;
}
