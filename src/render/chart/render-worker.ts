/** Worker thread: ChartSpec in, PNG bytes out, so rasterising never holds up the gateway's event loop. */
import { parentPort } from "node:worker_threads";
import { renderChartPng } from "./png.js";
import type { ChartSpec } from "./spec.js";
import { warmGlyphMasks } from "./text-raster.js";
import { SIZE, ZOOM } from "./theme.js";

export interface RenderRequest {
  readonly id: number;
  readonly spec: ChartSpec;
}

export type RenderResponse =
  | { readonly id: number; readonly ok: true; readonly png: Uint8Array; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Sent once, when the background warm-up below has drawn its glyph masks. */
export interface WarmedMessage {
  readonly warmedMs: number;
}

// The common glyphs at every chart text size and weight, drawn once in the background (0.2–0.4 s
// in all), one size and weight at a time so a request that arrives meanwhile waits for one step only.
const warmSteps = [false, true].flatMap((bold) => [...new Set(Object.values(SIZE))].map((size) => () => warmGlyphMasks(size, bold, ZOOM)));
let warmMs = 0;
const warmNext = (): void => {
  const started = performance.now();
  warmSteps.shift()?.();
  warmMs += performance.now() - started;
  if (warmSteps.length > 0) setImmediate(warmNext);
  else parentPort?.postMessage({ warmedMs: warmMs } satisfies WarmedMessage);
};
setImmediate(warmNext);

parentPort?.on("message", (request: RenderRequest) => {
  const started = performance.now();
  try {
    const { png } = renderChartPng(request.spec);
    const response: RenderResponse = { id: request.id, ok: true, png, ms: performance.now() - started };
    parentPort?.postMessage(response, [png.buffer as ArrayBuffer]);
  } catch (err) {
    const response: RenderResponse = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    parentPort?.postMessage(response);
  }
});
