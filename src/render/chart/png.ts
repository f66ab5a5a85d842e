import { Resvg } from "@resvg/resvg-js";
import { encodePng } from "./png-encode.js";
import type { ChartSpec } from "./spec.js";
import { chartSvg } from "./svg.js";
import { splitText } from "./text-layer.js";
import { drawText } from "./text-raster.js";
import { ZOOM } from "./theme.js";

export interface RenderedChart {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** ChartSpec → PNG bytes. Text is drawn from the bundled font only, so the pixels are the same on every machine. */
export function renderChartPng(spec: ChartSpec): RenderedChart {
  return rasterize(chartSvg(spec).svg);
}

/**
 * An SVG document → PNG at ZOOM: resvg draws the shapes (it loads no font), then the <text> runs
 * are drawn on top from cached glyph masks of the bundled font.
 */
export function rasterize(svg: string): RenderedChart {
  const { shapes, runs } = splitText(svg);
  const image = new Resvg(shapes, { fitTo: { mode: "zoom", value: ZOOM }, font: { loadSystemFonts: false }, shapeRendering: 2 }).render();
  const pixels = image.pixels;
  drawText(pixels, image.width, image.height, runs, ZOOM);
  return { png: encodePng(pixels, image.width, image.height), width: image.width, height: image.height };
}
