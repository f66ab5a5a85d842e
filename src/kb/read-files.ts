import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import yaml from "js-yaml";
import { TimeSlicer } from "../time-slicer.js";
import type { LoadError } from "./types.js";

/** Hand-edited data files are small; anything larger is a mistake and is refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** data/<folder>/<file> is depth 2; anything deeper than this is not walked. */
export const MAX_DEPTH = 4;
/** Directory entries walked in one load (the 100k-fact benchmark has about 10,000 files). */
export const MAX_ENTRIES = 50_000;

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

const GENERATED_CLAIMS = "claims.txt";

const isYaml = (f: string) => /\.ya?ml$/i.test(f);
const isData = (f: string) => isYaml(f) || /\.txt$/i.test(f);

interface Found {
  readonly files: string[];
  readonly errors: Array<{ rel: string; message: string }>;
}

/**
 * Walk dir without following symbolic links (lstat semantics via Dirent types), so a link loop
 * cannot hang a reload and a link cannot pull in a file from outside the data directory. Hidden
 * entries (".name") are skipped: editors and the write-then-rename convention put temp files there.
 */
async function walk(root: string, slicer: TimeSlicer): Promise<Found> {
  const found: Found = { files: [], errors: [] };
  let visited = 0;
  const visit = async (rel: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      if (++visited > MAX_ENTRIES) throw new WalkLimit(`more than ${MAX_ENTRIES} files and folders; the data directory was not loaded`);
      const child = rel === "" ? entry.name : path.join(rel, entry.name);
      await slicer.tick();
      if (entry.isSymbolicLink()) found.errors.push({ rel: child, message: describeLink(root, child) });
      else if (entry.isDirectory()) {
        if (depth + 1 > MAX_DEPTH) found.errors.push({ rel: child, message: `folder nested deeper than ${MAX_DEPTH} levels; it was not read` });
        else await visit(child, depth + 1);
      } else if (entry.isFile() && isData(entry.name)) found.files.push(child);
      // Devices, FIFOs and sockets are not data files: skipped, never opened.
    }
  };
  await visit("", 0);
  return found;
}

class WalkLimit extends Error {}

function describeLink(root: string, rel: string): string {
  let target = "";
  try {
    target = path.resolve(path.dirname(path.join(root, rel)), readlinkSync(path.join(root, rel)));
  } catch {
    // unreadable link: still refused
  }
  const inside = target !== "" && !path.relative(root, target).startsWith("..") && !path.isAbsolute(path.relative(root, target));
  return inside
    ? "is a symbolic link; links are not followed, so copy the file instead"
    : "is a symbolic link to a file outside the data directory; it was refused";
}

/** What identifies a file's version without reading it: size, modification time, inode. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  /** When the text behind this stamp was read (ms since the epoch). */
  readonly readAt: number;
}

/** A data file as scanned: read (text and digest set) or known unchanged from its stamp (text unset). */
export interface ScannedFile {
  readonly name: string;
  readonly absolute: string;
  /** "text" for a .txt file a source points at. */
  readonly kind: RawFile["kind"] | "text";
  readonly stamp: FileStamp;
  readonly digest: string;
  /** Set when the file was read in this scan. */
  readonly text?: string;
}

/** A file seen before: its stamp and the digest of the text read then. */
export interface KnownFile {
  readonly stamp: FileStamp;
  readonly digest: string;
}

/**
 * A stamp trusted without reading: same size, modification time and inode, and modified well
 * before it was last read (within the file system's timestamp granularity, a write right after
 * the read could leave the stamp unchanged; such a file is read and hashed again).
 */
const RACY_MS = 2000;
const sameStamp = (a: FileStamp, info: { size: number; mtimeMs: number; ino: number }) =>
  a.size === info.size && a.mtimeMs === info.mtimeMs && a.ino === info.ino && a.mtimeMs < a.readAt - RACY_MS;

/**
 * Scan every data file under dir, refusing links, over-size, non-UTF-8 and unreadable ones. A file
 * whose stamp matches `known` is not read again; every other one is read and hashed.
 */
export async function scanDataFiles(dir: string, known: (absolute: string) => KnownFile | undefined = () => undefined): Promise<{ files: ScannedFile[]; errors: LoadError[] }> {
  const slicer = new TimeSlicer();
  const errors: LoadError[] = [];
  const files: ScannedFile[] = [];
  const label = path.basename(path.resolve(dir));
  const display = (rel: string) => [label, ...rel.split(path.sep)].join("/");

  let root: string;
  let found: Found;
  try {
    // The data directory itself may be a link (a deploy's "current" release); what is inside may not.
    root = await realpath(dir);
    found = await walk(root, slicer);
  } catch (err) {
    // A checkpoint's stop (a reload over budget, a shutdown) is not a data error: it goes up.
    if (!(err instanceof WalkLimit) && !hasCode(err)) throw err;
    const message = err instanceof WalkLimit ? err.message : `cannot read data directory: ${describe(err)}`;
    return { files, errors: [{ file: label, path: "", message }] };
  }
  for (const { rel, message } of found.errors) errors.push({ file: display(rel), path: "", message });

  // claims.txt is generated from the data (npm run claims), not read as data.
  for (const rel of found.files.filter((f) => f !== GENERATED_CLAIMS)) {
    await slicer.tick();
    const abs = path.join(dir, rel);
    let kind: ScannedFile["kind"] | undefined = "text";
    if (isYaml(rel)) {
      const parts = rel.split(path.sep);
      kind = parts.length === 2 ? KIND_BY_FOLDER[parts[0] ?? ""] : undefined;
    }
    const read = readOne(path.join(root, rel), known(abs));
    if ("error" in read) {
      errors.push({ file: display(rel), path: "", message: read.error });
      continue;
    }
    if (kind === undefined) {
      errors.push({
        file: display(rel),
        path: "",
        message: "unexpected YAML file: put entities in entities/, sources in sources/ and deals in deals/",
      });
      continue;
    }
    files.push({ name: display(rel), absolute: abs, kind, ...read });
  }
  if (!files.some((f) => f.kind !== "text") && errors.length === 0) {
    errors.push({ file: label, path: "", message: "no data files found (expected entities/, sources/ and deals/ YAML files)" });
  }
  return { files, errors };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** lstat, refuse by size without reading, keep a known file unread, then read and decode strictly. */
function readOne(abs: string, known: KnownFile | undefined): { stamp: FileStamp; digest: string; text?: string } | { error: string } {
  try {
    const info = lstatSync(abs);
    if (!info.isFile()) return { error: "is no longer a regular file; it was not read" };
    if (info.size > MAX_FILE_BYTES) {
      return { error: `file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; it was not read` };
    }
    if (known && sameStamp(known.stamp, info)) return { stamp: known.stamp, digest: known.digest };
    const readAt = Date.now();
    const buf = readFileSync(abs);
    // The size was checked before reading; a file that grew since is refused all the same.
    if (buf.length > MAX_FILE_BYTES) return { error: "file grew past the size limit while being read" };
    const stamp = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, readAt };
    const digest = createHash("sha256").update(buf).digest("base64");
    // The same bytes as the record's (a start from the cache, a full reload): valid UTF-8 then, and
    // not decoded again (decoding 10,000 unchanged files made ~80 MB of short-lived strings).
    if (known && known.digest === digest) return { stamp, digest };
    let text: string;
    try {
      text = utf8.decode(buf);
    } catch {
      return { error: `is not valid UTF-8 text (first bad byte on line ${badUtf8Line(buf)}); save it as UTF-8` };
    }
    return { stamp, digest, text };
  } catch (err) {
    return { error: `cannot read file: ${describe(err)}` };
  }
}

/** The 1-based line of the first invalid UTF-8 sequence; a newline byte never occurs inside a valid sequence. */
function badUtf8Line(buf: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      if (!isUtf8(buf.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Thrown from the parser's listener at the first anchor: an alias needs one, so none can follow. */
class AnchorRefused extends Error {
  constructor(readonly line: number) {
    super("anchor");
  }
}

/**
 * js-yaml calls this on every node. Aliases share the anchored value, so a few KB of nested aliases
 * expand to gigabytes as soon as anything walks or prints the value; a hand-edited data file needs
 * neither, so the first anchor stops the parse (an alias without an anchor is already a syntax error).
 */
function refuseAnchors(event: string, state: { anchor?: string | null; line: number }): void {
  if (event === "close" && typeof state.anchor === "string") throw new AnchorRefused(state.line + 1);
}

export function parseYamlFile(file: RawFile): { data: unknown } | { error: LoadError } {
  try {
    // js-yaml: measured 7x faster than the \`yaml\` package on 10,000 deal files, with line and column in its errors.
    // CORE_SCHEMA keeps dates as text, so "2025-02-30" is reported rather than rolled over to March.
    return { data: yaml.load(file.text, { filename: file.name, schema: yaml.CORE_SCHEMA, listener: refuseAnchors as never }) };
  } catch (err) {
    const message =
      err instanceof AnchorRefused
        ? `YAML anchors and aliases (&name, *name) are not allowed in data files (line ${err.line}); write the value out`
        : err instanceof yaml.YAMLException
          ? `YAML syntax error: ${err.reason.slice(0, 120)} at line ${err.mark.line + 1}, column ${err.mark.column + 1}`
          : describe(err);
    return { error: { file: file.name, path: "", message } };
  }
}

const hasCode = (err: unknown) => typeof err === "object" && err !== null && "code" in err && typeof err.code === "string";

function describe(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") {
    return `${err.code}${"message" in err && typeof err.message === "string" ? ` (${err.message.slice(0, 200)})` : ""}`;
  }
  return (err instanceof Error ? err.message : String(err)).slice(0, 200);
}
