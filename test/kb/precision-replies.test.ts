import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { renderPlain } from "../../src/render/plain.js";
import { dealWith, makeDataDir } from "../helpers/data-dir.js";

/** The bot states a date no more precisely than the data, and cites a source without inventing its metadata. */
describe("replies carry the data's precision", () => {
  it("says 'announced in September 2025' for a month-precision date, never a made-up day", async () => {
    const index = await openIndex(await makeDataDir(dealWith('announced: "2025-11-03"', 'announced: "2025-09"')));
    const text = renderPlain(answerQuestion(index, "When was the OpenAI AWS deal announced?").answer);
    expect(text).toMatch(/announced in September 2025/);
    expect(text).not.toMatch(/\b\d{1,2} September 2025|2025-09-\d\d/);
  });

  it("cites a source with no title or page date as 'page at <host>, date not given'", async () => {
    const index = await openIndex(await makeDataDir());
    const text = renderPlain(answerQuestion(index, "How long is the OpenAI AWS deal?").answer);
    expect(text).toContain("Wire, page at example.com, date not given, https://example.com/wire (tier A)");
  });
});
