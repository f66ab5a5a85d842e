/** The one redactor shared by log lines and replies (issue 11 §2, §7). */
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { createRedactor } from "../src/redact.js";

describe("createRedactor", () => {
  it("removes secrets of any length, a token's HMAC part on its own, and token-shaped strings", () => {
    const redact = createRedactor(["short7c", "MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz", undefined, ""]);
    expect(redact("a short7c b")).toBe("a [redacted] b");
    expect(redact("MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz")).toBe("[redacted]");
    expect(redact("part: token-secret-part-xyz")).toBe("part: [redacted]");
    expect(redact("pasted MTk5OTk5OTk5OTk5OTk5OTk5OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz012 here")).toBe("pasted [redacted] here");
    expect(redact("data/deals/openai-aws-2025.yaml: facts[1].value")).toBe("data/deals/openai-aws-2025.yaml: facts[1].value");
  });
});

describe("createLogger (pino)", () => {
  it("writes JSON lines with a level label, the standard error serializer, censored paths and no secret of 7 characters", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: ["s3cr3t7"], write: (l) => lines.push(l) }).child({ shard: "0" });
    logger.debug("hidden");
    logger.error("failed with s3cr3t7", { error: Object.assign(new Error("boom s3cr3t7"), { code: "E_X" }), token: "anything", headers: { authorization: "Bot x" } });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: "error", shard: "0", msg: "failed with [redacted]", token: "[redacted]", headers: { authorization: "[redacted]" } });
    expect(line.error).toMatchObject({ type: "Error", message: "boom [redacted]", code: "E_X" });
    expect(line.error.stack).toContain("boom [redacted]");
    expect(lines[0]).not.toContain("s3cr3t7");
    expect(logger.redact("s3cr3t7")).toBe("[redacted]");
  });
});
