import path from "node:path";
import { isCommonWord } from "./common-words.js";
import type { Entity, LoadError } from "./types.js";
import { ENTITY_FILE_KINDS } from "./vocabulary.js";

export interface EntityEntry {
  readonly file: string;
  readonly entity: Entity;
  readonly index: number;
}

const key = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Entity guards: files named by what they hold, no alias shared by two entities (case-insensitively,
 * names, aliases, word aliases and tickers alike), and no common English word matched unless the
 * data lists it in wordAliases.
 */
export function checkEntities(entries: readonly EntityEntry[]): LoadError[] {
  const errors: LoadError[] = [];
  const err = (file: string, p: string, message: string) => errors.push({ file, path: p, message });
  const owner = new Map<string, string>();
  const files = Object.keys(ENTITY_FILE_KINDS).join(", ");

  for (const { file, entity, index } of entries) {
    const p = `entities[${index}]`;
    const expected = ENTITY_FILE_KINDS[path.basename(file)];
    if (expected === undefined) {
      err(file, p, `entity files are named by what they hold (${files}); move this entity to the file of its kind`);
    } else if (entity.kind !== expected) {
      err(file, `${p}.kind`, `"${entity.kind}" does not belong in ${path.basename(file)}, which holds ${expected} entities`);
    }

    const terms: Array<[string, string]> = [
      ["name", entity.name],
      ...entity.aliases.map((a, i): [string, string] => [`aliases[${i}]`, a]),
      ...entity.wordAliases.map((a, i): [string, string] => [`wordAliases[${i}]`, a]),
      ...entity.tickers.map((a, i): [string, string] => [`tickers[${i}]`, a]),
    ];
    for (const [field, term] of terms) {
      const k = key(term);
      const other = owner.get(k);
      if (other !== undefined && other !== entity.id) {
        err(file, `${p}.${field}`, `"${term}" is also a name or alias of entity "${other}"; an alias may belong to one entity only`);
      } else owner.set(k, entity.id);
    }

    const marked = new Set(entity.wordAliases.map(key));
    for (const [field, term] of terms.slice(0, 1 + entity.aliases.length)) {
      if (isCommonWord(term) && !marked.has(key(term))) {
        err(
          file,
          `${p}.${field}`,
          `"${term}" is a common English word; list it in wordAliases to match it on purpose, or use an all-caps ticker`,
        );
      }
    }
  }
  return errors;
}
