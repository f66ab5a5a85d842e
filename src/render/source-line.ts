import type { AnswerSource } from "../engine/answer-model.js";
import { formatPrecisionDate } from "../kb/precision-date.js";

/** "reuters.com" from a URL, or undefined without one. */
export function hostOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** How a source is named when the data has no title: never a made-up headline. */
export function titleOrPlace(s: { title?: string | null | undefined; url?: string | null | undefined }): { text: string; quoted: boolean } {
  if (s.title) return { text: s.title, quoted: true };
  const host = hostOf(s.url);
  return { text: host ? `page at ${host}` : "text held on file", quoted: false };
}

/** "3 November 2025", "November 2025", "2025", or "date not given". */
export function dateOrNotGiven(s: Pick<AnswerSource, "published">): string {
  return s.published ? formatPrecisionDate(s.published) : "date not given";
}
