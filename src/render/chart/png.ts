import { Resvg } from "@resvg/resvg-js";
import type { ChartSpec } from "./spec.js";
import { chartSvg } from "./svg.js";
import { FONT_FAMILY, FONT_FILES, ZOOM } from "./theme.js";

export interface RenderedChart {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** ChartSpec → PNG bytes. Only the bundled font is loaded, so the pixels are the same on every machine. */
export function renderChartPng(spec: ChartSpec): RenderedChart {
  return rasterize(chartSvg(spec).svg);
}

/** An SVG document → PNG at ZOOM, with the bundled font only. */
export function rasterize(svg: string): RenderedChart {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: ZOOM },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
