import { createHash } from "node:crypto";
import path from "node:path";
import type { z } from "zod";
import { TimeSlicer } from "../time-slicer.js";
import { checkIntegrity } from "./integrity.js";
import { patchIntegrity } from "./integrity-patch.js";
import { forgetFigurePatterns } from "./quote-figure.js";
import { type FileRecord, LoadState, type ValidFile } from "./load-state.js";
import { parseYamlFile, scanDataFiles, type RawFile, type ScannedFile } from "./read-files.js";
import { dealFileSchema, entitiesFileSchema, sourcesFileSchema, type DealFile, type Entity, type Source } from "./schema.js";
import type { LoadError, LoadResult } from "./types.js";

export interface ParsedFiles {
  entities: Array<{ file: string; entity: Entity; index: number }>;
  sources: Array<{ file: string; absolute: string; source: Source; pathPrefix: string }>;
  deals: Array<{ file: string; deal: DealFile }>;
}

/**
 * Read, validate and assemble the knowledge base in dir. All or nothing: any error in any file
 * means no knowledge base, so a caller can keep serving the one it had.
 *
 * `state` carries what the previous load of the same directory found: files whose size,
 * modification time and inode are unchanged are not read again, files whose text hashes the same
 * are not parsed again, and checks already passed by unchanged parsed objects are not run again.
 */
export async function loadKnowledgeBase(dir: string, state = new LoadState()): Promise<LoadResult> {
  const slicer = new TimeSlicer();
  const { files, errors } = await scanDataFiles(dir, (abs) => state.known(abs));
  const parsed: ParsedFiles = { entities: [], sources: [], deals: [] };
  const contents = new Map<string, string>();
  const records = new Map<string, FileRecord>();
  const hash = createHash("sha256");

  for (const file of files) {
    await slicer.tick();
    hash.update(`${path.basename(file.absolute)}\0${file.digest}\0`);
    const record = recordOf(file, state.known(file.absolute), errors);
    records.set(file.absolute, record);
    if (record.text !== undefined) contents.set(file.absolute, record.text);
    if (record.valid !== undefined) add(file, record.valid, parsed);
  }
  // The records describe the files on disk whatever the outcome: a failed load still spares the next one the parsing.
  state.files = records;
  if (errors.length > 0) return { ok: false, errors };
  const version = hash.digest("hex").slice(0, 8);
  try {
    const patched = await patchIntegrity(records, parsed, version, state.memo, state.previous, slicer);
    if (patched) return patched;
    const result = await checkIntegrity(parsed, contents, version, slicer, state.memo, state.previous);
    if (result.ok) state.memo.inputs.set(result.kb, records);
    return result;
  } finally {
    forgetFigurePatterns();
  }
}

/** The file's record: the one known when its text is unchanged, else parsed and validated now (errors go to `errors`). */
function recordOf(file: ScannedFile, known: FileRecord | undefined, errors: LoadError[]): FileRecord {
  if (known && known.digest === file.digest && known.kind === file.kind) {
    return known.stamp === file.stamp ? known : { ...known, stamp: file.stamp };
  }
  const base = { kind: file.kind, stamp: file.stamp, digest: file.digest };
  if (file.text === undefined) throw new Error(`${file.name} was not read although it changed`);
  if (file.kind === "text") return { ...base, text: file.text };
  const raw: RawFile = { name: file.name, absolute: file.absolute, kind: file.kind, text: file.text };
  const yaml = parseYamlFile(raw);
  if ("error" in yaml) {
    errors.push(yaml.error);
    return base;
  }
  const valid = validateFile(raw, yaml.data, errors);
  return valid ? { ...base, valid } : base;
}

function validateFile(file: RawFile, data: unknown, errors: LoadError[]): ValidFile | undefined {
  switch (file.kind) {
    case "entities": {
      const r = validate(entitiesFileSchema, data, file.name, errors);
      return r ? { kind: "entities", entities: r.entities } : undefined;
    }
    case "sources": {
      const r = validate(sourcesFileSchema, data, file.name, errors);
      return r ? { kind: "sources", sources: r.sources } : undefined;
    }
    case "deal": {
      const deal = validate(dealFileSchema, data, file.name, errors);
      return deal ? { kind: "deal", deal } : undefined;
    }
  }
}

function add(file: { name: string; absolute: string }, valid: ValidFile, out: ParsedFiles): void {
  switch (valid.kind) {
    case "entities":
      valid.entities.forEach((entity, index) => out.entities.push({ file: file.name, entity, index }));
      return;
    case "sources":
      valid.sources.forEach((source, i) => out.sources.push({ file: file.name, absolute: file.absolute, source, pathPrefix: `sources[${i}]` }));
      return;
    case "deal":
      out.deals.push({ file: file.name, deal: valid.deal });
      valid.deal.sources.forEach((source, i) =>
        out.sources.push({ file: file.name, absolute: file.absolute, source, pathPrefix: `sources[${i}]` }),
      );
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, errors: LoadError[]): z.output<S> | undefined {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    errors.push({ file, path: formatPath(issue.path), message: issueMessage(issue, valueAt(data, issue.path)) });
  }
  return undefined;
}

export function formatPath(p: ReadonlyArray<PropertyKey>): string {
  const key = (k: PropertyKey) => (String(k).length > 40 ? `${String(k).slice(0, 40)}…` : String(k));
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${key(k)}`)).join("");
}

function valueAt(data: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const k of p) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * What was wrong, never what the value was: a value can be huge (an alias bomb expands to
 * gigabytes when printed) or secret (a linked .env), so it is described by its type and size.
 */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && input === undefined) return "is required but missing";
  if (issue.code === "invalid_type") return `must be a ${issue.expected} (got ${describeValue(input)})`;
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (got ${describeValue(input)})`;
  }
  if (issue.code === "unrecognized_keys") {
    const shown = issue.keys.slice(0, 10).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${shown.join(", ")}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ""}`;
  }
  return issue.message;
}

/** A value's kind and size in O(1): "a string of 12 characters", "a list of 3 items", "a mapping of 2 keys". */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "string") return `a string of ${v.length} character${v.length === 1 ? "" : "s"}`;
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? "" : "s"}`;
  if (typeof v === "object") {
    const n = Object.keys(v).length;
    return `a mapping of ${n} key${n === 1 ? "" : "s"}`;
  }
  if (typeof v === "number" || typeof v === "boolean") return `a ${typeof v}`;
  return `a ${typeof v}`;
}
