import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A hash of the loader's own code (every file of src/kb): what a cache of validated data was made
 * by. A cache written by other code, whose schema or checks may differ, is never used.
 */
export async function loaderCodeVersion(): Promise<string> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const names = (await readdir(dir)).filter((n) => /\.(?:ts|js|txt)$/.test(n)).sort();
  const hash = createHash("sha256");
  for (const name of names) hash.update(`${name}\0`).update(await readFile(path.join(dir, name))).update("\0");
  return hash.digest("hex").slice(0, 16);
}
