/**
 * Helpers that cut a reload's synchronous steps shorter must not change what they make: the
 * MiniSearch index grown map by map (search-add.ts) equals plain addAll's, and the keyed sort gives
 * the order of the comparator sort it replaces.
 */
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/rng.js";
import { factOptions } from "../../src/engine/search-index.js";
import { addSliced } from "../../src/engine/search-add.js";
import { sortByKeyDescending } from "../../src/engine/sort-by-key.js";
import { TimeSlicer } from "../../src/time-slicer.js";

const WORDS = ["capacity", "gigawatts", "investment", "chips", "revenue", "abilene", "stargate", "lease", "debt", "round"];

describe("addSliced", () => {
  it("makes the index plain addAll makes, across several growths of its per-document maps", async () => {
    const rng = new Rng(7);
    const docs = Array.from({ length: 1500 }, (_, i) => ({
      id: `fact-${i}`,
      label: Array.from({ length: rng.int(1, 5) }, () => WORDS[rng.int(0, WORDS.length - 1)]).join(" "),
    }));
    const plain = new MiniSearch(factOptions);
    plain.addAll(docs);
    for (const growFrom of [4, 64, 1 << 15]) {
      const sliced = new MiniSearch(factOptions);
      await addSliced(sliced, docs, new TimeSlicer(0), growFrom);
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(plain));
      expect(sliced.search("capacity gigawatts")).toEqual(plain.search("capacity gigawatts"));
      // Removing and adding afterwards works as on the plain index.
      sliced.remove(docs[3]!);
      sliced.add(docs[3]!);
      expect(sliced.search("lease")).toHaveLength(plain.search("lease").length);
    }
  });
});

describe("sortByKeyDescending", () => {
  it("orders as a stable comparator sort, ties in input order", () => {
    const rng = new Rng(3);
    const items = Array.from({ length: 2000 }, (_, i) => ({ i, key: rng.int(0, 50) * (rng.int(0, 1) ? 1 : 0.5) }));
    const expected = [...items].sort((a, b) => b.key - a.key).map((x) => x.i);
    expect(sortByKeyDescending(items, (x) => x.key).map((x) => x.i)).toEqual(expected);
    expect(sortByKeyDescending([], () => 0)).toEqual([]);
  });
});
