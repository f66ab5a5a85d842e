/** withChart: the reply gains its chart, or stays as it was when the chart fails or is late. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withChart } from "../../src/discord/chart-reply.js";
import { answerReply } from "../../src/discord/replies.js";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { createLogger } from "../../src/logger.js";
import { ChartRenderer, type ChartSpec } from "../../src/render/chart/index.js";

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex("data");
});

const logger = createLogger({ level: "error", secrets: [] });
const renderer = (render: (spec: ChartSpec) => Promise<Uint8Array>) => ({ render }) as unknown as ChartRenderer;

describe("withChart", () => {
  it("attaches chart.png, points the embed's image at it and gives it the spec's alt text", async () => {
    const answer = answerQuestion(index, "biggest OpenAI deals").answer;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const payload = await withChart(answerReply(answer, index), answer, index, { charts: renderer(async () => png), logger });
    expect(payload.embeds?.[0]?.image).toEqual({ url: "attachment://chart.png" });
    expect(payload.files).toHaveLength(1);
    expect(payload.files?.[0]?.name).toBe("chart.png");
    expect([...payload.files![0]!.attachment]).toEqual([...png]);
    expect(payload.files?.[0]?.description).toMatch(/^Horizontal bar chart ranking/);
  });

  it("leaves the reply as it was when rendering fails, and logs why", async () => {
    const answer = answerQuestion(index, "biggest OpenAI deals").answer;
    const warn = vi.spyOn(logger, "warn");
    const before = answerReply(answer, index);
    const payload = await withChart(before, answer, index, { charts: renderer(() => Promise.reject(new Error("boom"))), logger });
    expect(payload).toEqual(before);
    expect(warn).toHaveBeenCalledWith("chart left out: rendering failed", expect.objectContaining({ error: "boom" }));
  });

  it("does not wait past the deadline for a late chart", async () => {
    vi.useFakeTimers();
    try {
      const answer = answerQuestion(index, "biggest OpenAI deals").answer;
      const pending = withChart(answerReply(answer, index), answer, index, { charts: renderer(() => new Promise(() => undefined)), logger });
      await vi.advanceTimersByTimeAsync(1_600);
      const payload = await pending;
      expect(payload.files).toBeUndefined();
      expect(payload.embeds?.[0]?.image).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks for no chart when the answer has none", async () => {
    const answer = answerQuestion(index, "How much is the OpenAI AWS deal worth?").answer;
    const render = vi.fn(async () => new Uint8Array());
    await withChart(answerReply(answer, index), answer, index, { charts: renderer(render), logger });
    expect(render).not.toHaveBeenCalled();
  });
});

describe("ChartRenderer", () => {
  it("rejects a spec the worker cannot draw, then renders the next one", async () => {
    const charts = new ChartRenderer(20_000);
    try {
      await expect(charts.render({ kind: "nonsense" } as unknown as ChartSpec)).rejects.toThrow();
      const png = await charts.render({ kind: "ranking", title: "t", legend: [], notes: [], alt: "", panels: [{ unit: "USD", title: "", bars: [{ figures: [0], name: "a", value: 1, label: "1 [1]", superseded: false, series: 0 }] }] });
      expect(png.subarray(1, 4).toString()).toBe("80,78,71");
    } finally {
      await charts.close();
    }
  }, 30_000);

  it("says when the worker's glyph warm-up is done, and a wait for it ends when the renderer closes first", async () => {
    const charts = new ChartRenderer(20_000);
    try {
      const ms = await charts.warmed();
      expect(ms).toBeGreaterThan(0);
      await expect(charts.warmed()).resolves.toBe(ms);
    } finally {
      await charts.close();
    }
    const early = new ChartRenderer(20_000);
    // The rejection is awaited from the start: it happens inside close(), before close() resolves.
    const waiting = expect(early.warmed()).rejects.toThrow(/closed/);
    await early.close();
    await waiting;
  }, 30_000);
});
