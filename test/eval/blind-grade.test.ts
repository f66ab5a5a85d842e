import { describe, expect, it } from "vitest";
import { containsFigure, parseFigure } from "../../src/eval/blind-grade.js";

describe("the blind grader's figure matching", () => {
  it("finds a figure only where a number starts", () => {
    expect(containsFigure("approximately 5 gw", "5 gw")).toBe(true);
    expect(containsFigure("approximately 3.5 gw", "5 gw")).toBe(false);
    expect(containsFigure("15 gw", "5 gw")).toBe(false);
    expect(containsFigure("$1,5 billion", "5 billion")).toBe(false);
    expect(containsFigure("up to $40 billion", "$40 billion")).toBe(true);
  });

  it("reads the figures a question set writes", () => {
    expect(parseFigure("3.5 GW")).toEqual({ value: 3.5, family: "power" });
    expect(parseFigure("500 MW")).toEqual({ value: 0.5, family: "power" });
    expect(parseFigure("$38 billion")).toEqual({ value: 38e9, family: "money", currency: "USD" });
  });
});
