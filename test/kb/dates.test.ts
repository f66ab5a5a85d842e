import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/engine/format.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatPrecisionDate, parsePrecisionDate, type PrecisionDate } from "../../src/kb/precision-date.js";
import { precisionDate } from "../../src/kb/schema.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { dealWith, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatLoadError);
}

const parse = (s: string) => parsePrecisionDate(s) as PrecisionDate;

describe("dates carry their precision", () => {
  it("keeps a month as a month and a year as a year: no day is made up", async () => {
    const result = await loadKnowledgeBase(await makeDataDir(dealWith('announced: "2025-11-03"', 'announced: "2025-09"')));
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    const deal = result.kb.deals.get("openai-aws")!;
    expect(deal.announced).toEqual({ iso: "2025-09", precision: "month", year: 2025, month: 9, sortKey: 20250900 });
    expect(deal.announced.day).toBeUndefined();
    expect(result.kb.facts.get("openai-aws.duration")!.asOf.precision).toBe("month");
  });

  it("renders each precision as written: '3 November 2025', 'September 2025', '2025'", () => {
    expect(formatPrecisionDate(parse("2025-11-03"))).toBe("3 November 2025");
    expect(formatPrecisionDate(parse("2025-09"))).toBe("September 2025");
    expect(formatPrecisionDate(parse("2025"))).toBe("2025");
    expect(formatDate(parse("2025-09"))).toBe("September 2025");
    expect(formatDate("2026")).toBe("2026");
  });

  it("sorts a year before its months and a month before its days", () => {
    const keys = ["2025-09-14", "2025", "2025-09", "2024-12-31"].map((s) => parse(s).sortKey);
    expect([...keys].sort((a, b) => a - b)).toEqual([20241231, 20250000, 20250900, 20250914]);
  });

  it.each([
    ["2025-02-30", "is not a real calendar date"],
    ["2025-13", "has no month 13"],
    ["2025-9", "must be a date written"],
    ["September 2025", "must be a date written"],
    ["2025-09-31", "is not a real calendar date"],
    ["25-09-01", "must be a date written"],
  ])("rejects %s", async (bad, message) => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith('announced: "2025-11-03"', `announced: "${bad}"`))));
    expect(errors.find((e) => e.startsWith("data/deals/openai-aws.yaml: announced:"))).toContain(message);
  });

  it("accepts 29 February only in a leap year", () => {
    expect("error" in parsePrecisionDate("2024-02-29")).toBe(false);
    expect("error" in parsePrecisionDate("2025-02-29")).toBe(true);
  });

  it("normalises what YAML may hand over: an unquoted year (a number) or a Date keeps what was written", () => {
    expect(precisionDate.parse(2025)).toMatchObject({ iso: "2025", precision: "year" });
    expect(precisionDate.parse(new Date("2025-11-03T00:00:00Z"))).toMatchObject({ iso: "2025-11-03", precision: "day", day: 3 });
    expect(precisionDate.safeParse(new Date("nonsense")).success).toBe(false);
  });

  it("loads an unquoted YYYY-MM-DD and an unquoted year", async () => {
    const result = await loadKnowledgeBase(await makeDataDir(dealWith('announced: "2025-11-03"', "announced: 2025")));
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.deals.get("openai-aws")!.announced.iso).toBe("2025");
  });
});
