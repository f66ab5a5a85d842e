import { Resvg } from "@resvg/resvg-js";
import { encodePng } from "./png-encode.js";
import type { ChartSpec } from "./spec.js";
import { chartSvg } from "./svg.js";
import { ZOOM } from "./theme.js";

export interface RenderedChart {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** ChartSpec → PNG bytes. Text arrives as the bundled font's outlines, so the pixels are the same on every machine. */
export function renderChartPng(spec: ChartSpec): RenderedChart {
  return rasterize(chartSvg(spec).svg);
}

/** An SVG document → PNG at ZOOM. No fonts are loaded: the chart's text is already paths. */
export function rasterize(svg: string): RenderedChart {
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: ZOOM }, font: { loadSystemFonts: false }, shapeRendering: 2 });
  const image = resvg.render();
  return { png: encodePng(image.pixels, image.width, image.height), width: image.width, height: image.height };
}
