import { face, glyphFor, type Face, type Glyph } from "./font.js";
import { kerning } from "./kerning.js";

/**
 * Text → the bundled font's glyphs and advances, as a shaper would give them, at table-look-up
 * speed. Most words map straight through the cmap; a word holding a character that the font's
 * default substitutions can change (Inter's case-sensitive brackets and dashes, arrows, "x"
 * between digits) goes through fontkit's shaper once, with its neighbours, and is cached. Kerning comes from the GPOS
 * pair tables for every pair, including across spaces.
 */
interface Coverage { version: number; glyphs?: number[]; rangeRecords?: Array<{ start: number; end: number }> }
interface SubTable { coverage?: Coverage; lookupType?: number; extension?: SubTable; lookupRecords?: ArrayLike<{ lookupListIndex: number }> }
interface Gsub {
  scriptList: ArrayLike<{ tag: string; script: { defaultLangSys: { featureIndexes: number[] } } }>;
  featureList: ArrayLike<{ feature: { lookupListIndexes: number[] } }>;
  lookupList: { get(i: number): { lookupType: number; subTables: ArrayLike<SubTable> } };
}

const SUBSTITUTING = new Set([1, 2, 3, 4, 8]);
const triggers = new WeakMap<Face, Set<number>>();
const words2glyphs = new WeakMap<Face, Map<string, readonly Glyph[]>>();
const MAX_WORDS = 5_000;

/** Glyph ids the default (Latin and DFLT) substitutions may replace, following contextual lookups to the lookups they call. */
function substitutable(f: Face): Set<number> {
  const ids = new Set<number>();
  const gsub = f.GSUB as Gsub | undefined;
  if (!gsub) return ids;
  const todo: number[] = [];
  for (const s of Array.from(gsub.scriptList)) {
    if (s.tag !== "latn" && s.tag !== "DFLT") continue;
    for (const i of s.script.defaultLangSys.featureIndexes) todo.push(...(gsub.featureList[i]?.feature.lookupListIndexes ?? []));
  }
  const seen = new Set<number>();
  for (let i = todo.pop(); i !== undefined; i = todo.pop()) {
    if (seen.has(i)) continue;
    seen.add(i);
    const lookup = gsub.lookupList.get(i);
    for (const sub of Array.from(lookup.subTables)) {
      const [t, type] = lookup.lookupType === 7 ? [sub.extension, sub.lookupType ?? 0] : [sub, lookup.lookupType];
      if (!t) continue;
      if (SUBSTITUTING.has(type) && t.coverage) addCoverage(ids, t.coverage);
      for (const r of Array.from(t.lookupRecords ?? [])) todo.push(r.lookupListIndex);
    }
  }
  return ids;
}

function addCoverage(ids: Set<number>, c: Coverage): void {
  for (const g of c.glyphs ?? []) ids.add(g);
  for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) ids.add(g);
}

/**
 * A word's glyphs. A word with a substitutable glyph is shaped between its neighbours, since
 * Inter's contextual rules look across a space ("OpenAI: deals" keeps the plain colon, "OpenAI:"
 * alone takes the raised one), and the glyphs that came from the word itself are kept.
 */
function wordGlyphs(f: Face, words: readonly string[], i: number, subs: Set<number>): readonly Glyph[] {
  const word = words[i]!;
  const plain = Array.from(word, (ch) => glyphFor(f, ch.codePointAt(0) ?? 32));
  if (!plain.some((g) => subs.has(g.id))) return plain;
  const before = i > 0 ? `${words[i - 1]} ` : "";
  const after = i + 1 < words.length ? ` ${words[i + 1]}` : "";
  const key = `${before}\u0000${word}\u0000${after}`;
  let cache = words2glyphs.get(f);
  if (!cache) words2glyphs.set(f, (cache = new Map()));
  let shaped = cache.get(key);
  if (!shaped) {
    if (cache.size >= MAX_WORDS) cache.clear();
    const start = Array.from(before).length;
    const end = start + plain.length;
    let at = 0;
    shaped = f.layout(before + word + after).glyphs.filter((g) => {
      const from = at;
      at += Math.max(1, g.codePoints.length);
      return from >= start && from < end;
    });
    cache.set(key, shaped);
  }
  return shaped;
}

/** The glyphs of one line of text and each one's advance in font units, kerning included. */
export function shape(text: string, bold: boolean): { face: Face; glyphs: Glyph[]; advances: number[] } {
  const f = face(bold);
  let subs = triggers.get(f);
  if (!subs) triggers.set(f, (subs = substitutable(f)));
  const space = glyphFor(f, 32);
  const words = text.split(" ");
  const glyphs: Glyph[] = [];
  words.forEach((_, i) => {
    if (i > 0) glyphs.push(space);
    glyphs.push(...wordGlyphs(f, words, i, subs));
  });
  const advances = glyphs.map((g, i) => g.advanceWidth + (i + 1 < glyphs.length ? kerning(f, g.id, glyphs[i + 1]!.id) : 0));
  return { face: f, glyphs, advances };
}
