import type { LoadedSource } from "./types.js";

/**
 * Quotes are verbatim: only runs of white space (line breaks in the YAML) may differ. A text whose
 * only white space is single spaces between words is its own squashed form and is kept, not copied:
 * the squashed excerpts are kept per source, and copies of 43,549 sources' excerpts cost heap.
 */
const squash = (s: string) => (/^\S(?:\S| (?=\S))*$/.test(s) ? s : s.replace(/\s+/g, " ").trim());

/** Does the quote appear, verbatim, in the text this source holds: its textFile or one of its excerpts? */
export function quoteInSource(source: LoadedSource, quote: string): boolean {
  const q = squash(quote);
  const texts = squashedTexts(source);
  // A quote is usually a whole excerpt: a set lookup, not a scan of a shared source's thousands of excerpts.
  return texts.whole.has(q) || texts.list.some((t) => t.includes(q));
}

interface SquashedTexts {
  readonly list: readonly string[];
  readonly whole: ReadonlySet<string>;
}

const squashed = new WeakMap<LoadedSource, SquashedTexts>();

/** A source's text and excerpts with white space squashed, once per source rather than once per fact citing it. */
function squashedTexts(source: LoadedSource): SquashedTexts {
  let texts = squashed.get(source);
  if (!texts) {
    const list = [...(source.fullText !== undefined ? [squash(source.fullText)] : []), ...(source.excerpts ?? []).map(squash)];
    texts = { list, whole: new Set(list) };
    squashed.set(source, texts);
  }
  return texts;
}

/** A URL compared with another: scheme and host case-insensitive, one trailing slash ignored. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/$/, "")}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}
