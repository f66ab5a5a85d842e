import { STOPWORDS, tokenize } from "../engine/text.js";

/** Longest normalised question or comment kept. */
export const MAX_TEXT = 500;

/**
 * A question as the log keeps it: folded case and quotes, mentions and anything shaped like a
 * Discord id replaced (a question may mention another user), whitespace collapsed, trailing
 * punctuation dropped. "How much is OpenAI's AWS deal worth??" → "how much is openai's aws deal worth".
 */
export function normaliseQuestion(text: string): string {
  return scrubIds(text)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?!.,;:]+$/, "")
    .slice(0, MAX_TEXT);
}

/** Free text from a user (a feedback comment): ids scrubbed, whitespace tidied, length capped. */
export function cleanComment(text: string | null | undefined): string | null {
  if (!text) return null;
  const cleaned = scrubIds(text).replace(/[\t\r ]+/g, " ").trim().slice(0, MAX_TEXT);
  return cleaned === "" ? null : cleaned;
}

/** Mentions become @user/#channel/@role; any 15-21 digit run (a snowflake) becomes <id>. */
export function scrubIds(text: string): string {
  return text
    .replace(/<@!?\d+>/g, "@user")
    .replace(/<@&\d+>/g, "@role")
    .replace(/<#\d+>/g, "#channel")
    .replace(/\d{15,21}/g, "<id>");
}

/** Words curators read as the same question: "worth", "cost" and "value" ask for one figure. */
const SAME_WORD: Record<string, string> = {
  worth: "value", valued: "value", valuation: "value", cost: "value", costs: "value", price: "value", priced: "value", pay: "value", paid: "value",
  datacenter: "data-center", datacenters: "data-center", dc: "data-center",
};

/** One word's grouping form: a synonym's head word, or a plural's singular ("gpus" → "gpu"). */
function wordForm(word: string): string {
  const same = SAME_WORD[word];
  if (same) return same;
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** The content words of a question, for grouping near-identical ones. */
export function contentTokens(normalised: string): Set<string> {
  const tokens = tokenize(normalised.replace(/\bdata centers?\b/g, "datacenter"));
  const content = tokens.filter((t) => !STOPWORDS.has(t));
  return new Set((content.length > 0 ? content : tokens).map(wordForm));
}
