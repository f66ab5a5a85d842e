/** The PNG itself: valid, the expected size, not blank, the same bytes in-process and on the worker. */
import { decode } from "fast-png";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { companyCard } from "../../src/engine/cards.js";
import { findCompany } from "../../src/engine/lookup.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { ChartRenderer, chartSpecFor, renderChartPng, type ChartSpec } from "../../src/render/chart/index.js";
import { formatDay } from "../../src/render/chart/build-other.js";
import { rasterize } from "../../src/render/chart/png.js";
import type { BarsSpec, TimelineSpec } from "../../src/render/chart/spec.js";
import { card } from "../../src/render/chart/svg-parts.js";
import { chartSvg } from "../../src/render/chart/svg.js";
import { WIDTH, ZOOM } from "../../src/render/chart/theme.js";

let index: SearchIndex;
const specs = new Map<string, ChartSpec>();
const renderer = new ChartRenderer();

beforeAll(async () => {
  index = await openIndex("data");
  const q = (text: string) => answerQuestion(index, text).answer;
  specs.set("ranking", chartSpecFor(q("biggest OpenAI deals"), index.kb)!);
  specs.set("compare", chartSpecFor(q("compare the oracle and aws deals"), index.kb)!);
  specs.set("total", chartSpecFor(q("how much has OpenAI committed in total?"), index.kb)!);
  specs.set("timeline", chartSpecFor(companyCard(index, findCompany(index, "OpenAI")!), index.kb, { subject: "OpenAI" })!);
  specs.set("range", chartSpecFor(q("how much is the microsoft nscale deal across europe and the us worth"), index.kb)!);
});

afterAll(async () => {
  await renderer.close();
});

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first. */
function ihdr(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Variance of luminance over the card's pixels: a blank card is near zero, a chart is not. */
function luminanceVariance(png: Uint8Array): number {
  const img = decode(png);
  const px = img.width * img.height;
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let i = 0; i < px; i++) {
    const o = i * img.channels;
    if (img.channels === 4 && img.data[o + 3] !== 255) continue; // the card's transparent rounded corners
    n++;
    const l = 0.2126 * img.data[o]! + 0.7152 * img.data[o + 1]! + 0.0722 * img.data[o + 2]!;
    sum += l;
    sq += l * l;
  }
  const mean = sum / n;
  return sq / n - mean * mean;
}

describe("renderChartPng", () => {
  it.each(["ranking", "compare", "total", "timeline", "range"])("renders the %s chart as a valid PNG of the laid-out size, not blank", (kind) => {
    const spec = specs.get(kind)!;
    const { png, width, height } = renderChartPng(spec);
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    const layout = chartSvg(spec);
    expect(ihdr(png)).toEqual({ width: Math.round(WIDTH * ZOOM), height: Math.round(layout.height * ZOOM) });
    expect({ width, height }).toEqual(ihdr(png));
    const variance = luminanceVariance(png);
    expect(variance).toBeGreaterThan(500);
  });

  it("a blank card is nearly uniform, so the variance threshold above means something", () => {
    expect(luminanceVariance(rasterize(card(WIDTH, 300, "")).png)).toBeLessThan(50);
  });

  it("draws the disputed range with end marks at both values and both labels", () => {
    const spec = specs.get("range") as BarsSpec;
    const range = spec.panels[0]!.bars.find((b) => b.low !== undefined)!;
    expect(range.lowLabel).toBeDefined();
    expect(range.lowLabel).not.toBe(range.label);
    const { svg } = chartSvg(spec);
    expect(svg).toContain(range.label);
    expect(svg).toContain(range.lowLabel);
    expect(svg.match(/stroke-width="3"/g)?.length).toBe(2);
  });

  it("labels each timeline row with its date at the recorded precision", () => {
    const spec = specs.get("timeline") as TimelineSpec;
    // OpenAI has deals recorded only to the month; they must read "Aug 2025", not "undefined Aug 2025".
    expect(spec.events.some((e) => index.kb.deals.get(e.dealId)!.announced.precision !== "day")).toBe(true);
    const { svg } = chartSvg(spec);
    expect(svg).not.toMatch(/undefined|NaN/);
    for (const e of spec.events) expect(svg).toContain(`>${formatDay(e.date)} · `);
  });

  it("the worker thread returns the same bytes as rendering in-process", async () => {
    const spec = specs.get("compare")!;
    const fromWorker = await renderer.render(spec);
    expect(Buffer.from(fromWorker).equals(Buffer.from(renderChartPng(spec).png))).toBe(true);
  }, 30_000);
});
