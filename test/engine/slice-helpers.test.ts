/**
 * Helpers that cut a reload's synchronous steps shorter must not change what they make: the keyed
 * sort gives the order of the comparator sort it replaces.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/rng.js";
import { sortByKeyDescending } from "../../src/engine/sort-by-key.js";

describe("sortByKeyDescending", () => {
  it("orders as a stable comparator sort, ties in input order", () => {
    const rng = new Rng(3);
    const items = Array.from({ length: 2000 }, (_, i) => ({ i, key: rng.int(0, 50) * (rng.int(0, 1) ? 1 : 0.5) }));
    const expected = [...items].sort((a, b) => b.key - a.key).map((x) => x.i);
    expect(sortByKeyDescending(items, (x) => x.key).map((x) => x.i)).toEqual(expected);
    expect(sortByKeyDescending([], () => 0)).toEqual([]);
  });
});
