import type { LoadedSource } from "./types.js";

/** Quotes are verbatim: only runs of white space (line breaks in the YAML) may differ. */
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Does the quote appear, verbatim, in the text this source holds: its textFile or one of its excerpts? */
export function quoteInSource(source: LoadedSource, quote: string): boolean {
  const q = squash(quote);
  return squashedTexts(source).some((t) => t.includes(q));
}

const squashed = new WeakMap<LoadedSource, readonly string[]>();

/** A source's text and excerpts with white space squashed, once per source rather than once per fact citing it. */
function squashedTexts(source: LoadedSource): readonly string[] {
  let texts = squashed.get(source);
  if (!texts) {
    texts = [...(source.fullText !== undefined ? [squash(source.fullText)] : []), ...(source.excerpts ?? []).map(squash)];
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
