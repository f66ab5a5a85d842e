import type { Face } from "./font.js";

/**
 * Pair kerning from the font's GPOS 'kern' lookups (PairPos formats 1 and 2, directly or inside
 * Extension lookups): what a shaper adds between two glyphs, without a shaper's per-string cost
 * (fontkit's layout() takes about 1 ms a string; this is a table look-up, cached per pair).
 */
interface Coverage { version: number; glyphs?: number[]; rangeRecords?: Array<{ start: number; end: number; startCoverageIndex: number }> }
interface ClassDef { version: number; startGlyph?: number; classValueArray?: number[]; classRangeRecord?: Array<{ start: number; end: number; class: number }> }
interface Lazy<T> { get(i: number): T; length: number }
interface Value { xAdvance?: number }
interface PairPos {
  version: number;
  coverage: Coverage;
  pairSets?: Lazy<Array<{ secondGlyph: number; value1?: Value }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: Lazy<Lazy<{ value1?: Value }>>;
}
interface Lookup { lookupType: number; subTables: ArrayLike<PairPos & { lookupType?: number; extension?: PairPos }> }
interface Gpos { featureList: ArrayLike<{ tag: string; feature: { lookupListIndexes: number[] } }>; lookupList: Lazy<Lookup> }

const lookups = new WeakMap<Face, PairPos[][]>();
const cache = new WeakMap<Face, Map<number, number>>();

function coverageIndex(c: Coverage, glyph: number): number {
  if (c.version === 1) return c.glyphs?.indexOf(glyph) ?? -1;
  for (const r of c.rangeRecords ?? []) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function classOf(c: ClassDef | undefined, glyph: number): number {
  if (!c) return 0;
  if (c.version === 1) return c.classValueArray?.[glyph - (c.startGlyph ?? 0)] ?? 0;
  for (const r of c.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/** Each 'kern' lookup's pair subtables, in lookup order; within a lookup the first subtable that covers the pair decides. */
function kernLookups(face: Face): PairPos[][] {
  const gpos = face.GPOS as Gpos | undefined;
  if (!gpos) return [];
  const indexes = new Set<number>();
  for (const f of Array.from(gpos.featureList)) if (f.tag === "kern") for (const i of f.feature.lookupListIndexes) indexes.add(i);
  return [...indexes].sort((a, b) => a - b).map((i) => {
    const lookup = gpos.lookupList.get(i);
    const subs = Array.from(lookup.subTables).map((s) => (lookup.lookupType === 9 ? s.extension : s));
    return lookup.lookupType === 2 || lookup.lookupType === 9 ? subs.filter((s): s is PairPos => s !== undefined && "coverage" in s) : [];
  });
}

function pairValue(subs: readonly PairPos[], left: number, right: number): number {
  for (const t of subs) {
    const index = coverageIndex(t.coverage, left);
    if (index < 0) continue;
    if (t.version === 1) {
      const pair = Array.from(t.pairSets?.get(index) ?? []).find((p) => p.secondGlyph === right);
      if (pair) return pair.value1?.xAdvance ?? 0;
      continue;
    }
    return t.classRecords?.get(classOf(t.classDef1, left)).get(classOf(t.classDef2, right)).value1?.xAdvance ?? 0;
  }
  return 0;
}

/** The kerning between two glyphs, in font units (negative pulls them together). */
export function kerning(face: Face, left: number, right: number): number {
  let pairs = cache.get(face);
  if (!pairs) cache.set(face, (pairs = new Map()));
  const key = left * 65536 + right;
  let k = pairs.get(key);
  if (k === undefined) {
    let subs = lookups.get(face);
    if (!subs) lookups.set(face, (subs = kernLookups(face)));
    k = subs.reduce((sum, s) => sum + pairValue(s, left, right), 0);
    pairs.set(key, k);
  }
  return k;
}
