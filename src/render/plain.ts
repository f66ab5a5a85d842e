import type { Answer, AnswerSource, Part } from "../engine/answer-model.js";
import { dateOrNotGiven, titleOrPlace } from "./source-line.js";

/** The reply body: figures as written, citations as [n]. */
export function renderBody(answer: Answer, figure: (display: string) => string = (d) => d, cite: (ns: readonly number[]) => string = citeMarkers): string {
  return answer.lines.map((line) => renderLine(answer, line, figure, cite)).join("\n");
}

export function renderLine(answer: Answer, line: readonly Part[], figure: (display: string) => string, cite: (ns: readonly number[]) => string): string {
  return line
    .map((part) => {
      if (typeof part === "string") return part;
      if ("figure" in part) return figure(answer.figures[part.figure]?.display ?? "");
      return cite(part.cite);
    })
    .join("");
}

export function citeMarkers(ns: readonly number[]): string {
  return ` ${ns.map((n) => `[${n}]`).join("")}`;
}

export function sourceLine(s: AnswerSource): string {
  const link = s.url ? `, ${s.url}` : "";
  const head = titleOrPlace(s);
  const title = head.quoted ? `“${head.text}”` : head.text;
  return `[${s.n}] ${s.publisher}, ${title}, ${dateOrNotGiven(s)}${link} (tier ${s.tier})\n    “${s.quote}”`;
}

/** The whole plain-text reply: body, then the numbered sources with their quotes. */
export function renderPlain(answer: Answer): string {
  const body = renderBody(answer);
  if (answer.sources.length === 0) return body;
  return `${body}\n\nSources:\n${answer.sources.map(sourceLine).join("\n")}`;
}
