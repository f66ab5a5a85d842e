/** The chart's own PNG writer: any decoder reads back the straight-alpha pixels resvg rendered. */
import { Resvg } from "@resvg/resvg-js";
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../src/render/chart/png-encode.js";

describe("encodePng", () => {
  it("round-trips premultiplied RGBA, un-premultiplying partly transparent pixels", () => {
    // 3 × 2: opaque red, half-transparent green (premultiplied 64 of 128 → 128), fully transparent, and a grey row.
    const px = new Uint8Array([255, 0, 0, 255, 0, 64, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255, 40, 40, 40, 255, 1, 2, 3, 255]);
    const img = decode(encodePng(px, 3, 2));
    expect({ width: img.width, height: img.height, channels: img.channels, depth: img.depth }).toEqual({ width: 3, height: 2, channels: 4, depth: 8 });
    expect([...img.data]).toEqual([255, 0, 0, 255, 0, 128, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255, 40, 40, 40, 255, 1, 2, 3, 255]);
  });

  it("gives the same pixels as resvg's own encoder for a card with rounded, anti-aliased corners", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect x="0.5" y="0.5" width="119" height="59" rx="8" fill="#F7F7F4" stroke="#CFCFC8"/><circle cx="60" cy="30" r="20" fill="#0072B2" fill-opacity="0.85"/></svg>`;
    const image = new Resvg(svg, { fitTo: { mode: "zoom", value: 1.5 } }).render();
    const ours = decode(encodePng(image.pixels, image.width, image.height));
    const theirs = decode(image.asPng());
    expect(ours.data.some((_, i) => i % 4 === 3 && theirs.data[i]! > 0 && theirs.data[i]! < 255)).toBe(true);
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
  });

  it("refuses a pixel buffer of the wrong size", () => {
    expect(() => encodePng(new Uint8Array(10), 3, 2)).toThrow(/24 bytes/);
  });
});
