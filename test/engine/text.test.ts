import { describe, expect, it } from "vitest";
import { editDistance, tokenize } from "../../src/engine/text.js";

describe("tokenize", () => {
  it("keeps dollar figures, decimals, percentages and model names whole", () => {
    expect(tokenize("OpenAI’s $38 billion deal, 4.5 GW, 1.4 trillion, 27% and GB300 chips")).toEqual([
      "openai", "$38", "billion", "deal", "4.5", "gw", "1.4", "trillion", "27%", "and", "gb300", "chips",
    ]);
  });

  it("keeps thousands separators inside one number", () => {
    expect(tokenize("400,000 GPUs")).toEqual(["400,000", "gpus"]);
  });

  it("splits hyphenated company pairs into their names", () => {
    expect(tokenize("the openai-aws deal")).toEqual(["the", "openai", "aws", "deal"]);
  });
});

describe("editDistance", () => {
  it("counts a swapped pair of letters as one edit", () => {
    expect(editDistance("orcale", "oracle")).toBe(1);
  });

  it("counts a dropped letter as one edit", () => {
    expect(editDistance("opnai", "openai")).toBe(1);
  });

  it("stops counting past the budget", () => {
    expect(editDistance("anthropic", "nvidia", 2)).toBeGreaterThan(2);
  });
});

describe("withCommas", () => {
  it("groups thousands and keeps up to two decimals", async () => {
    const { withCommas } = await import("../../src/engine/format.js");
    expect(withCommas(400000)).toBe("400,000");
    expect(withCommas(1234567.891)).toBe("1,234,567.89");
    expect(withCommas(23.28)).toBe("23.28");
    expect(withCommas(-5000)).toBe("-5,000");
  });
});
