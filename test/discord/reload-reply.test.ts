/** D10 and D4: the reload report always names the failing file first and passes through the redactor. */
import { describe, expect, it } from "vitest";
import { reloadReply } from "../../src/discord/replies.js";
import { createRedactor } from "../../src/redact.js";

const redact = createRedactor(["MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz"]);

describe("reloadReply", () => {
  it("D10: a first error longer than the embed is cut, not dropped, so the file is named", () => {
    const huge = `must be a string (got ${"[".repeat(80_000)})`;
    const reply = reloadReply([{ shard: 0, ok: false, ms: 1, errors: [
      { file: "data/deals/openai-aws-2025.yaml", path: "title", message: huge },
      { file: "data/deals/other.yaml", path: "", message: "YAML syntax error" },
    ] }], redact);
    const text = reply.embeds![0]!.description;
    expect(text).toMatch(/^reload failed; still answering from the previous data\. 2 errors:\n• data\/deals\/openai-aws-2025\.yaml: title: must be a string/);
    expect(text).toContain("• data/deals/other.yaml: YAML syntax error");
    expect(text.length).toBeLessThanOrEqual(4096);
  });

  it("D4: error text that carries the token is redacted in the reply", () => {
    const reply = reloadReply([{ shard: 0, ok: false, ms: 1, errors: [
      { file: "data/deals/zz.yaml", path: "", message: 'must be a object (got "DISCORD_TOKEN=MTAwMDAwMDAwMDAwMDAwMDAwMQ.e2e.token-secret-part-xyz")' },
    ] }], redact);
    expect(JSON.stringify(reply)).not.toContain("token-secret-part-xyz");
    expect(reply.embeds![0]!.description).toContain('data/deals/zz.yaml: must be a object (got "DISCORD_TOKEN=[redacted]")');
  });
});
