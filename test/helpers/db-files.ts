/** Reading a SQLite question log from tests: rows, and every byte of the file and its WAL. */
import { existsSync, readFileSync } from "node:fs";
import SQLite from "better-sqlite3";

export function readRows<T = Record<string, unknown>>(file: string, query: string, ...params: unknown[]): T[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The database file with its -wal and -shm companions, concatenated. */
export function dbBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

/** Where `id` (a Discord snowflake) appears in `bytes`: as text, or as a 64-bit integer either way round. */
export function findId(bytes: Buffer, id: string): string[] {
  const found: string[] = [];
  if (bytes.includes(Buffer.from(id, "utf8"))) found.push("utf-8 text");
  if (bytes.includes(Buffer.from(id, "utf16le"))) found.push("utf-16 text");
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(BigInt(id));
  const be = Buffer.alloc(8);
  be.writeBigUInt64BE(BigInt(id));
  if (bytes.includes(le)) found.push("int64 little-endian");
  if (bytes.includes(be)) found.push("int64 big-endian");
  return found;
}
