/** Charts: a pure path from the engine's Answer to PNG bytes. Nothing here knows about Discord. */
export { chartSpecFor, MAX_ALT } from "./build-spec.js";
export type { ChartKb } from "./chart-kb.js";
export { renderChartPng, type RenderedChart } from "./png.js";
export type { ChartAnswer, ChartSpec } from "./spec.js";
export { ChartRenderer } from "./chart-renderer.js";
