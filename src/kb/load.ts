import { createHash } from "node:crypto";
import path from "node:path";
import type { z } from "zod";
import { TimeSlicer } from "../time-slicer.js";
import { checkIntegrity } from "./integrity.js";
import { parseYamlFile, readDataFiles, type RawFile } from "./read-files.js";
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
 */
export async function loadKnowledgeBase(dir: string): Promise<LoadResult> {
  const slicer = new TimeSlicer();
  const { files, contents, errors } = await readDataFiles(dir);
  const parsed: ParsedFiles = { entities: [], sources: [], deals: [] };

  for (const file of files) {
    await slicer.tick();
    const yaml = parseYamlFile(file);
    if ("error" in yaml) {
      errors.push(yaml.error);
      continue;
    }
    collect(file, yaml.data, parsed, errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  const hash = createHash("sha256");
  for (const [k, v] of contents) {
    hash.update(`${path.basename(k)}\0${v}\0`);
    await slicer.tick();
  }
  const version = hash.digest("hex").slice(0, 8);
  return checkIntegrity(parsed, contents, version, slicer);
}

function collect(file: RawFile, data: unknown, out: ParsedFiles, errors: LoadError[]): void {
  switch (file.kind) {
    case "entities": {
      const r = validate(entitiesFileSchema, data, file.name, errors);
      r?.entities.forEach((entity, index) => out.entities.push({ file: file.name, entity, index }));
      return;
    }
    case "sources": {
      const r = validate(sourcesFileSchema, data, file.name, errors);
      r?.sources.forEach((source, i) =>
        out.sources.push({ file: file.name, absolute: file.absolute, source, pathPrefix: `sources[${i}]` }),
      );
      return;
    }
    case "deal": {
      const deal = validate(dealFileSchema, data, file.name, errors);
      if (!deal) return;
      out.deals.push({ file: file.name, deal });
      deal.sources.forEach((source, i) =>
        out.sources.push({ file: file.name, absolute: file.absolute, source, pathPrefix: `sources[${i}]` }),
      );
    }
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
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("");
}

function valueAt(data: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const k of p) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && input === undefined) return "is required but missing";
  if (issue.code === "invalid_type") return `must be a ${issue.expected} (got ${JSON.stringify(input)})`;
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(input)})`;
  }
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  return issue.message;
}
