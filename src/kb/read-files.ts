import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { LoadError } from "./types.js";

/** Hand-edited data files are small; anything larger is a mistake and is refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface RawFile {
  /** Display name for errors, e.g. data/deals/openai-aws.yaml */
  readonly name: string;
  readonly absolute: string;
  readonly kind: "entities" | "sources" | "deal";
  readonly text: string;
}

const KIND_BY_FOLDER: Record<string, RawFile["kind"]> = {
  entities: "entities",
  sources: "sources",
  deals: "deal",
};

const isYaml = (f: string) => /\.ya?ml$/i.test(f);

/** Read every YAML file under dir, refusing over-size and unreadable ones. */
export async function readDataFiles(
  dir: string,
): Promise<{ files: RawFile[]; contents: Map<string, string>; errors: LoadError[] }> {
  const errors: LoadError[] = [];
  const files: RawFile[] = [];
  const contents = new Map<string, string>();
  const label = path.basename(path.resolve(dir));
  const display = (abs: string) => path.join(label, path.relative(dir, abs)).split(path.sep).join("/");

  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (err) {
    return { files, contents, errors: [{ file: label, path: "", message: `cannot read data directory: ${describe(err)}` }] };
  }

  for (const rel of entries) {
    const abs = path.join(dir, rel);
    const parts = rel.split(path.sep);
    if (!isYaml(rel) && !/\.txt$/i.test(rel)) continue;
    let info;
    try {
      info = await stat(abs);
    } catch (err) {
      errors.push({ file: display(abs), path: "", message: `cannot read file: ${describe(err)}` });
      continue;
    }
    if (!info.isFile()) continue;
    if (info.size > MAX_FILE_BYTES) {
      errors.push({
        file: display(abs),
        path: "",
        message: `file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; it was not read`,
      });
      continue;
    }
    let text: string;
    try {
      text = await readSmallFile(abs);
    } catch (err) {
      errors.push({ file: display(abs), path: "", message: `cannot read file: ${describe(err)}` });
      continue;
    }
    contents.set(abs, text);
    if (!isYaml(rel)) continue;
    const kind = parts.length === 2 ? KIND_BY_FOLDER[parts[0] ?? ""] : undefined;
    if (kind === undefined) {
      errors.push({
        file: display(abs),
        path: "",
        message: "unexpected YAML file: put entities in entities/, sources in sources/ and deals in deals/",
      });
      continue;
    }
    files.push({ name: display(abs), absolute: abs, kind, text });
  }
  if (files.length === 0 && errors.length === 0) {
    errors.push({ file: label, path: "", message: "no data files found (expected entities/, sources/ and deals/ YAML files)" });
  }
  return { files, contents, errors };
}

async function readSmallFile(abs: string): Promise<string> {
  const handle = await open(abs, "r");
  try {
    // Read at most the limit even if the file grew after stat().
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > MAX_FILE_BYTES) throw new Error("file grew past the size limit while being read");
    return buf.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

export function parseYamlFile(file: RawFile): { data: unknown } | { error: LoadError } {
  try {
    return { data: parseYaml(file.text, { prettyErrors: true, uniqueKeys: true }) };
  } catch (err) {
    const message = err instanceof YAMLParseError ? `YAML syntax error: ${err.message.split("\n")[0]}` : describe(err);
    return { error: { file: file.name, path: "", message } };
  }
}

function describe(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") {
    return `${err.code}${"message" in err && typeof err.message === "string" ? ` (${err.message})` : ""}`;
  }
  return err instanceof Error ? err.message : String(err);
}
