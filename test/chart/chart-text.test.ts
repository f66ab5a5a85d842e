/** Chart text is drawn as the bundled font's outlines: shaped as a real shaper would, placed as SVG text would be. */
import { Resvg } from "@resvg/resvg-js";
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { face } from "../../src/render/chart/font.js";
import { textOutline } from "../../src/render/chart/glyphs.js";
import { rasterize } from "../../src/render/chart/png.js";
import { shape } from "../../src/render/chart/shaping.js";
import { card } from "../../src/render/chart/svg-parts.js";
import { FONT_FAMILY, FONT_FILES, ZOOM } from "../../src/render/chart/theme.js";
import { textWidth } from "../../src/render/chart/text.js";

type Shaper = { layout(s: string): { glyphs: Array<{ id: number }>; positions: Array<{ xAdvance: number }> } };

const SAMPLES = [
  "AVATo Ye — Wayne's \"quoted\" LLC. P.Y.",
  "$300 billion [13]",
  "up to $25 billion [8] ↑ 5–10 GW",
  "OpenAI: deals by announcement date, with headline figures",
  "OpenAI:",
  "Microsoft–Nscale (Europe & US) T-Y-V-W 10x3",
  "22 Jul 2025 · OpenAI–Oracle Stargate cloud capacity…",
];

/** Columns of the rendered card that hold dark (text) pixels, in logical px. */
function inkedColumns(svgBody: string, width: number): { first: number; last: number } {
  const img = decode(rasterize(card(width, 40, svgBody)).png);
  let first = Infinity;
  let last = -Infinity;
  for (let y = 4; y < img.height - 4; y++)
    for (let x = 4; x < img.width - 4; x++) {
      const o = (y * img.width + x) * img.channels;
      if (img.data[o]! < 128) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
  return { first: first / ZOOM, last: last / ZOOM };
}

describe("chart text", () => {
  it.each([false, true])("gives the same glyphs and advances as fontkit's full shaper (bold: %s)", (bold) => {
    for (const s of SAMPLES) {
      const full = (face(bold) as unknown as Shaper).layout(s);
      const mine = shape(s, bold);
      expect(mine.glyphs.map((g) => g.id), s).toEqual(full.glyphs.map((g) => g.id));
      expect(mine.advances, s).toEqual(full.positions.map((p) => p.xAdvance));
    }
  });

  it("uses the font's contextual forms: a raised colon only where no lower-case letter follows", () => {
    const colon = (s: string) => shape(s, true).glyphs[6]!.id;
    expect(colon("OpenAI:")).not.toBe(colon("OpenAI: deals"));
  });

  it("draws the words where SVG text with that anchor would stand", () => {
    const label = "Stargate $300 billion [13]";
    const w = textWidth(label, 12);
    const start = inkedColumns(`<path d="${textOutline(20, 26, label, 12, false)}"/>`, 300);
    expect(start.first).toBeGreaterThanOrEqual(19);
    expect(start.first).toBeLessThan(22);
    expect(start.last).toBeGreaterThan(20 + w - 4);
    expect(start.last).toBeLessThanOrEqual(20 + w + 1);
    const end = inkedColumns(`<path d="${textOutline(280, 26, label, 12, false, "end")}"/>`, 300);
    expect(end.last).toBeLessThanOrEqual(281);
    expect(end.last).toBeGreaterThan(277);
    const middle = inkedColumns(`<path d="${textOutline(150, 26, label, 12, false, "middle")}"/>`, 300);
    expect(Math.abs((middle.first + middle.last) / 2 - 150)).toBeLessThan(2);
  });

  it("looks like the same text drawn by resvg from the font file", () => {
    const lines = SAMPLES.map((s, i) => [s, 16 + i * 20, i % 2 === 1] as const);
    const outlines = lines.map(([s, y, bold]) => `<path d="${textOutline(10, y, s, 12, bold)}" fill="#1F2328"/>`).join("");
    const texts = lines.map(([s, y, bold]) => `<text x="10" y="${y}" font-family="${FONT_FAMILY}${bold ? " SemiBold" : ""}" font-size="12"${bold ? ` font-weight="600"` : ""} fill="#1F2328">${s.replace(/&/g, "&amp;")}</text>`).join("");
    const ours = decode(rasterize(card(420, 160, outlines)).png).data;
    const svg = card(420, 160, texts);
    const font = { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY };
    const theirs = decode(new Resvg(svg, { fitTo: { mode: "zoom", value: ZOOM }, font, shapeRendering: 2, textRendering: 1 }).render().asPng()).data;
    expect(ours.length).toBe(theirs.length);
    let differing = 0;
    let total = 0;
    for (let i = 0; i < ours.length; i++) {
      const d = Math.abs(ours[i]! - theirs[i]!);
      if (d > 16) differing++;
      total += d;
    }
    expect(differing / ours.length).toBeLessThan(0.002);
    expect(total / ours.length).toBeLessThan(0.2);
  });

  it("leaves a gap for a character the bundled font lacks instead of failing", () => {
    expect(() => textOutline(0, 10, "A漢B", 12, false)).not.toThrow();
    expect(textOutline(0, 10, "漢", 12, false)).toBe("");
  });
});
