/**
 * Issue 14: the validated, parsed knowledge base is cached on disk between starts, keyed by the data
 * files' content hashes and the loader's code version. A corrupt, truncated or stale cache, or one
 * written by other loader code, is detected and rebuilt, never trusted.
 */
import { cp, mkdtemp, readFile, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError, openIndex } from "../../src/engine/bootstrap.js";
import { loaderCodeVersion } from "../../src/kb/code-version.js";
import { cacheFileFor, readKbCache, writeKbCache } from "../../src/kb/kb-cache.js";
import { served } from "../helpers/index-equality.js";

const DATA = path.resolve(import.meta.dirname, "../../data");

async function setup() {
  const root = await mkdtemp(path.join(tmpdir(), "dealdesk-cache-"));
  const dir = path.join(root, "data");
  await cp(DATA, dir, { recursive: true });
  const cacheDir = path.join(root, "cache");
  const logs: string[] = [];
  const open = () => openIndex(dir, { cacheDir, log: (m) => logs.push(m) });
  return { dir, cacheDir, logs, open, file: await cacheFileFor(cacheDir, dir) };
}

describe("knowledge-base cache", () => {
  it("is written on a first start and read on the next, which serves the same", async () => {
    const { logs, open, file } = await setup();
    const first = await open();
    expect(logs).toEqual([expect.stringMatching(/not used \(no cache\)/), expect.stringMatching(/^cache: wrote /)]);
    logs.length = 0;
    const second = await open();
    expect(logs).toEqual([expect.stringMatching(/^cache: read \d+ files/)]);
    expect(served(second)).toEqual(served(first));
    expect((await readKbCache(file, await loaderCodeVersion())).ok).toBe(true);
  }, 60_000);

  it("ignores a cache written by another version of the loader, and rewrites it", async () => {
    const { logs, open, file } = await setup();
    const first = await open();
    const read = await readKbCache(file, await loaderCodeVersion());
    if (!read.ok) throw new Error(read.reason);
    await writeKbCache(file, "another-version", read.records);
    logs.length = 0;
    const second = await open();
    expect(logs[0]).toMatch(/not used \(written by another version of the loader\)/);
    expect(logs[1]).toMatch(/^cache: wrote /);
    expect(served(second)).toEqual(served(first));
    expect((await readKbCache(file, await loaderCodeVersion())).ok).toBe(true);
  }, 60_000);

  it("rebuilds a truncated or corrupted cache", async () => {
    const { logs, open, file } = await setup();
    const first = await open();
    await truncate(file, Math.floor((await stat(file)).size / 2));
    logs.length = 0;
    expect(served(await open())).toEqual(served(first));
    expect(logs[0]).toMatch(/not used \(truncated/);

    const bytes = await readFile(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(file, bytes);
    logs.length = 0;
    expect(served(await open())).toEqual(served(first));
    expect(logs[0]).toMatch(/not used \(checksum mismatch\)/);

    await writeFile(file, "garbage");
    logs.length = 0;
    expect(served(await open())).toEqual(served(first));
    expect(logs[0]).toMatch(/not used \(no header\)/);
    logs.length = 0;
    await open();
    expect(logs).toEqual([expect.stringMatching(/^cache: read/)]);
  }, 60_000);

  it("never trusts a cached file whose text changed since: it is validated again", async () => {
    const { dir, open } = await setup();
    await open();
    const deal = path.join(dir, "deals", "openai-aws-2025.yaml");
    const text = await readFile(deal, "utf8");
    // Same size and modification time would not help a stale cache either: every file is hashed on a cold start.
    await writeFile(deal, text.replace("value: 38000000000", "value: 39000000000"));
    await expect(open()).rejects.toThrow(DataError);
    await expect(open()).rejects.toThrow(/openai-aws-2025\.yaml: facts\[\d+\]\.quote/);
  }, 60_000);
});
