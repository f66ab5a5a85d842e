import type { Anchor } from "./glyphs.js";
import { escapeXml } from "./text.js";
import { FONT_FAMILY } from "./theme.js";

/**
 * The chart's text as plain SVG <text> (so the SVG reads on its own, with Inter installed), and
 * the way back: png.ts lifts these runs out, lets resvg draw the shapes, and draws the text itself
 * from cached glyph masks (text-raster.ts). Only the attributes written here are read back.
 */
export interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly fill: string;
  readonly opacity: number;
  readonly anchor: Anchor;
}

const r = (n: number): string => (Math.round(n * 10) / 10).toString();

export function textElement(t: TextRun): string {
  const attrs = [
    `x="${r(t.x)}"`, `y="${r(t.y)}"`, `font-family="${t.bold ? `${FONT_FAMILY} SemiBold, ${FONT_FAMILY}` : FONT_FAMILY}"`, `font-size="${t.size}"`,
    ...(t.bold ? [`font-weight="600"`] : []), `fill="${t.fill}"`,
    ...(t.anchor !== "start" ? [`text-anchor="${t.anchor}"`] : []),
    ...(t.opacity !== 1 ? [`fill-opacity="${t.opacity}"`] : []),
  ];
  return `<text ${attrs.join(" ")}>${escapeXml(t.text)}</text>`;
}

const TEXT = /<text ([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([a-z-]+)="([^"]*)"/g;
const unescapeXml = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

/** The SVG without its <text> elements, and those elements as runs, in document order. */
export function splitText(svg: string): { shapes: string; runs: TextRun[] } {
  const runs: TextRun[] = [];
  const shapes = svg.replace(TEXT, (_all, attrText: string, content: string) => {
    const a = new Map<string, string>();
    for (const [, k, v] of attrText.matchAll(ATTR)) a.set(k!, v!);
    const anchor = a.get("text-anchor");
    runs.push({
      x: Number(a.get("x") ?? 0),
      y: Number(a.get("y") ?? 0),
      text: unescapeXml(content),
      size: Number(a.get("font-size") ?? 12),
      bold: Number(a.get("font-weight") ?? 400) >= 600,
      fill: a.get("fill") ?? "#000000",
      opacity: Number(a.get("fill-opacity") ?? 1),
      anchor: anchor === "middle" || anchor === "end" ? anchor : "start",
    });
    return "";
  });
  return { shapes, runs };
}
