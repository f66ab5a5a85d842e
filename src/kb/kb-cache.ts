import { createHash } from "node:crypto";
import { mkdir, readFile, realpath, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import type { FileRecord, LoadState } from "./load-state.js";

/**
 * The validated, parsed knowledge base on disk: every data file's digest and parsed contents, so an
 * unchanged data directory starts without parsing or validating anything again. The file is
 *
 *   one header line (JSON: format, the loader's code version, the payload's length and SHA-1)
 *   the payload (v8.serialize of the file records)
 *
 * A cache that is truncated, altered, of another format or written by other loader code is
 * ignored, and the load rewrites it. A record is used only for a file whose text hashes the same
 * today (stamps from the cache are not trusted: every file is read and hashed on a cold start).
 */

const MAGIC = "dealdesk-kb-cache";
/** 2: the payload's checksum is SHA-1 (57 ms for the 100 MB cache at 100k facts, SHA-256 212 ms); it detects damage, not tampering. */
const FORMAT = 2;

interface Header {
  readonly magic: string;
  readonly format: number;
  readonly codeVersion: string;
  readonly bytes: number;
  readonly sha1: string;
}

export type CacheRead = { readonly ok: true; readonly records: Map<string, FileRecord> } | { readonly ok: false; readonly reason: string };

/** Where the cache of a data directory lives: one file per directory, named by a hash of its real path. */
export async function cacheFileFor(cacheDir: string, dataDir: string): Promise<string> {
  const real = await realpath(dataDir).catch(() => path.resolve(dataDir));
  return path.join(cacheDir, `kb-${createHash("sha256").update(real).digest("hex").slice(0, 16)}.cache`);
}

export async function readKbCache(file: string, codeVersion: string): Promise<CacheRead> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    return { ok: false, reason: "no cache" };
  }
  const newline = buf.indexOf(0x0a);
  if (newline < 0 || newline > 4096) return { ok: false, reason: "no header" };
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(0, newline).toString("utf8")) as Header;
  } catch {
    return { ok: false, reason: "unreadable header" };
  }
  if (header.magic !== MAGIC || header.format !== FORMAT) return { ok: false, reason: "not a cache of this format" };
  if (header.codeVersion !== codeVersion) return { ok: false, reason: "written by another version of the loader" };
  const payload = buf.subarray(newline + 1);
  if (payload.length !== header.bytes) return { ok: false, reason: `truncated (${payload.length} of ${header.bytes} bytes)` };
  if (createHash("sha1").update(payload).digest("hex") !== header.sha1) return { ok: false, reason: "checksum mismatch" };
  try {
    const value: unknown = v8.deserialize(payload);
    if (!Array.isArray(value) || !value.every(isEntry)) return { ok: false, reason: "unexpected contents" };
    return { ok: true, records: new Map(value as Array<[string, FileRecord]>) };
  } catch {
    return { ok: false, reason: "cannot be decoded" };
  }
}

const isEntry = (e: unknown) =>
  Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "object" && e[1] !== null && typeof (e[1] as FileRecord).digest === "string";

/** Write the records of files that loaded, atomically (write aside, then rename). */
export async function writeKbCache(file: string, codeVersion: string, records: ReadonlyMap<string, FileRecord>): Promise<void> {
  const kept = [...records].filter(([, r]) => r.valid !== undefined || r.text !== undefined);
  const payload = v8.serialize(kept);
  const header: Header = { magic: MAGIC, format: FORMAT, codeVersion, bytes: payload.length, sha1: createHash("sha1").update(payload).digest("hex") };
  await mkdir(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(aside, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
  await rename(aside, file);
}

/**
 * Seed a load state with cached records. Their stamps are marked never read, so the scan reads and
 * hashes every file and uses a record only where the digest matches; the quotes of cached deals
 * passed their figure and hedge checks under this loader code (a pure function of the fact), so
 * those checks are not run again.
 */
export function seedLoadState(state: LoadState, records: ReadonlyMap<string, FileRecord>): void {
  for (const r of records.values()) {
    if (r.valid?.kind === "deal") for (const f of r.valid.deal.facts) state.memo.quoteProblems.set(f, null);
  }
  state.files = records;
  state.distrustStamps();
}
