import { beforeAll, describe, expect, it } from "vitest";
import { ReplyBuilder } from "../../src/engine/answer-model.js";
import { answerQuestion } from "../../src/engine/answer.js";
import { companyCard } from "../../src/engine/cards.js";
import { companyChoices, dealChoices } from "../../src/engine/lookup.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { embedSize, fitLines, LIMITS, renderEmbed } from "../../src/render/discord.js";
import { bundledIndex } from "../helpers/bundled-index.js";

describe("Discord rendering", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await bundledIndex();
  });

  it("puts figures in bold and citations as masked links to their sources", () => {
    const { answer } = answerQuestion(index, "How much is OpenAI's AWS deal worth?");
    const embed = renderEmbed(answer, "footer");
    expect(embed.description).toContain("**$38 billion**");
    expect(embed.description).toMatch(/\[\\\[1\\\]\]\(https:\/\/[^)]+\)/);
    expect(embed.fields[0]?.name).toBe("Sources");
  });

  it("keeps a long answer within every embed limit", () => {
    const anthropic = index.kb.entities.get("openai")!;
    const embed = renderEmbed(companyCard(index, anthropic), "f".repeat(3000), "t".repeat(300));
    expect(embed.description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.fields.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of embed.fields) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embedSize(embed)).toBeLessThanOrEqual(LIMITS.total);
  });

  it("cuts at whole lines and never inside a citation link", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `Line ${i} is worth **$1 billion** [\\[${i}\\]](https://example.com/${i}).`);
    const text = fitLines(lines, 500);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.endsWith("…")).toBe(true);
    for (const line of text.split("\n").slice(0, -1)) expect(lines).toContain(line);
  });

  it("escapes markdown in quoted text so a source cannot break the layout", () => {
    const b = new ReplyBuilder(index.kb);
    b.line("a *starred* _word_ and `code`");
    const embed = renderEmbed(b.build("q", "declined", "unknown"), "f");
    expect(embed.description).toBe("a \\*starred\\* \\_word\\_ and \\`code\\`");
  });
});

describe("autocomplete choices", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await bundledIndex();
  });

  it("stay within Discord's limits of 25 choices and 100 characters", () => {
    for (const q of ["", "a", "openai", "zzzz", "x".repeat(500)]) {
      for (const choices of [dealChoices(index, q), companyChoices(index, q)]) {
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("find deals by a mistyped name and companies by alias", () => {
    expect(dealChoices(index, "opn aws").map((c) => c.value)).toContain("openai-aws-2025");
    expect(companyChoices(index, "AWS").map((c) => c.value)).toContain("aws");
  });
});
