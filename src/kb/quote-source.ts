import type { LoadedSource } from "./types.js";

/** Quotes are verbatim: only runs of white space (line breaks in the YAML) may differ. */
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Does the quote appear, verbatim, in the text this source holds: its textFile or one of its excerpts? */
export function quoteInSource(source: LoadedSource, quote: string): boolean {
  const q = squash(quote);
  if (source.fullText !== undefined && squash(source.fullText).includes(q)) return true;
  return (source.excerpts ?? []).some((e) => squash(e).includes(q));
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
