/**
 * The one redactor for everything that leaves the process: log lines and every reply that carries
 * error text (reload reports, error notices, config errors). It removes each known secret, of any
 * length, the longer pieces of a token on their own, and anything shaped like a Discord bot token
 * (base64 user id . timestamp . HMAC), so a token pasted into the wrong setting is caught too.
 */
export type Redactor = (text: string) => string;

export const REDACTED = "[redacted]";

/** base64 of a snowflake starts with M, N or O ("1".."9"); then the timestamp and HMAC parts. */
const TOKEN_SHAPE = /[MNO][A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{3,}\.[A-Za-z0-9_-]{10,}/g;

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const pieces = new Set<string>();
  for (const raw of secrets) {
    const secret = raw?.trim();
    if (!secret) continue;
    pieces.add(secret);
    // JSON escapes a quote or backslash in a secret; a log line carries that form.
    pieces.add(JSON.stringify(secret).slice(1, -1));
    // A token's HMAC part alone is as good as the token; shorter parts (the timestamp) are not secret.
    for (const part of secret.split(".")) if (part.length >= 8 && part !== secret) pieces.add(part);
  }
  // Longest first, so a token is replaced whole before any of its parts.
  const ordered = [...pieces].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(TOKEN_SHAPE, REDACTED);
    for (const piece of ordered) if (out.includes(piece)) out = out.split(piece).join(REDACTED);
    return out;
  };
}
