import { describe, expect, it } from "vitest";
import { isMisspeltCommonWord, misspelled } from "../../../src/engine/read/typos.js";

describe("misspelled", () => {
  const data = new Set(["arnold", "nuclear", "government", "licensing"]);

  it("finds the word a typo stands for: swapped, missing, extra or wrong letters", () => {
    expect(misspelled("arnlod", data)).toBe("arnold");
    expect(misspelled("nuclaer", data)).toBe("nuclear");
    expect(misspelled("goverment", data)).toBe("government");
    expect(misspelled("liscensing", data)).toBe("licensing");
  });

  it("finds nothing for a word of the list itself, a short word, or a word too far from any", () => {
    expect(misspelled("arnold", data)).toBeUndefined();
    expect(misspelled("groq", data)).toBeUndefined();
    expect(misspelled("zorblax", data)).toBeUndefined();
  });

  it("knows everyday English words misspelt", () => {
    expect(isMisspeltCommonWord("goverment")).toBe(true);
    expect(isMisspeltCommonWord("zorblax")).toBe(false);
  });
});
