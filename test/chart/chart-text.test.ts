/** Chart text is drawn from the bundled font's glyphs without resvg's text engine: shaped as a real shaper would, placed and drawn as resvg drew SVG text. */
import { Resvg } from "@resvg/resvg-js";
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { face } from "../../src/render/chart/font.js";
import { rasterize } from "../../src/render/chart/png.js";
import { shape } from "../../src/render/chart/shaping.js";
import { card, text } from "../../src/render/chart/svg-parts.js";
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

/** Where a rendered card holds ink (darker than the card), in device px, and how much. */
function ink(img: { width: number; height: number; channels: number; data: ArrayLike<number> }): { left: number; right: number; top: number; bottom: number; total: number; centreX: number } {
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity, total: 0, centreX: 0 };
  let moment = 0;
  for (let y = 3; y < img.height - 3; y++)
    for (let x = 14; x < img.width - 14; x++) {
      const dark = 247 - img.data[(y * img.width + x) * img.channels]!;
      if (dark <= 8) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.total += dark;
      moment += dark * x;
    }
  box.centreX = moment / box.total;
  return box;
}

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
    const start = inkedColumns(text(20, 26, label, { fill: "#000000" }), 300);
    expect(start.first).toBeGreaterThanOrEqual(19);
    expect(start.first).toBeLessThan(22);
    expect(start.last).toBeGreaterThan(20 + w - 4);
    expect(start.last).toBeLessThanOrEqual(20 + w + 1);
    const end = inkedColumns(text(280, 26, label, { fill: "#000000", anchor: "end" }), 300);
    expect(end.last).toBeLessThanOrEqual(281);
    expect(end.last).toBeGreaterThan(277);
    const middle = inkedColumns(text(150, 26, label, { fill: "#000000", anchor: "middle" }), 300);
    expect(Math.abs((middle.first + middle.last) / 2 - 150)).toBeLessThan(2);
  });

  it("puts the same ink in the same place as resvg drawing the text from the font file, to a pixel", () => {
    const font = { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY };
    SAMPLES.forEach((s, i) => {
      // Sizes, weights, anchors, a faded line, and baselines that fall between device pixels.
      const svg = card(420, 30, text(i % 3 === 2 ? 410 : 10, 20.3 + (i % 4) * 0.1, s, { size: [12, 10.5, 15][i % 3] ?? 12, bold: i % 2 === 1, anchor: i % 3 === 2 ? "end" : "start", opacity: i === 4 ? 0.6 : 1 }));
      const ours = ink(decode(rasterize(svg).png));
      const theirs = ink(decode(new Resvg(svg, { fitTo: { mode: "zoom", value: ZOOM }, font, shapeRendering: 2, textRendering: 1 }).render().asPng()));
      for (const edge of ["left", "right", "top", "bottom"] as const) expect(Math.abs(ours[edge] - theirs[edge]), `${s}: ${edge}`).toBeLessThanOrEqual(1);
      // resvg's anti-aliasing works in quarter pixels, so ink moved by a fraction of a pixel shifts by a few per cent.
      expect(Math.abs(ours.total / theirs.total - 1), `${s}: amount of ink`).toBeLessThan(0.05);
      expect(Math.abs(ours.centreX - theirs.centreX), `${s}: centre`).toBeLessThan(1);
    });
  });

  it("leaves a gap for a character the bundled font lacks instead of failing", () => {
    const gap = inkedColumns(text(20, 26, "漢", { fill: "#000000" }), 100);
    expect(gap.first).toBe(Infinity);
    const around = inkedColumns(text(20, 26, "A漢B", { fill: "#000000" }), 100);
    expect(around.last - around.first).toBeGreaterThan(inkedColumns(text(20, 26, "AB", { fill: "#000000" }), 100).last - 20);
  });
});
