import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, stat, unlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/** Where attachment bytes live: outside the web root, never served as static files. */
export function attachmentsDir(): string {
  // Chosen at run time: the build must not trace it (turbopackIgnore), it is no part of the app.
  return path.resolve(/*turbopackIgnore: true*/ process.env.ATTACHMENTS_DIR || ".data/attachments");
}

const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key is a UUID we generated; anything else (a path, "..") never reaches the file system. */
function pathOf(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("Invalid attachment storage key.");
  return path.join(/*turbopackIgnore: true*/ attachmentsDir(), storageKey.slice(0, 2), storageKey);
}

export interface StoredBytes {
  storageKey: string;
  sha256: string;
}

/**
 * Writes the bytes under a new random key (never overwriting) and returns the key and their SHA-256. The
 * file's time is the upload's `now`, not the file system's clock: the orphan sweep compares it with its own.
 */
export async function storeBytes(bytes: Uint8Array, now: Date): Promise<StoredBytes> {
  const storageKey = randomUUID();
  const file = pathOf(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  await utimes(file, now, now);
  return { storageKey, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The stored bytes as a web stream, for a response body. */
export function readStoredBytes(storageKey: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(pathOf(storageKey))) as ReadableStream<Uint8Array>;
}

/** A stored file as the orphan sweep sees it: its key and when its bytes were last written. */
export interface StoredFile {
  storageKey: string;
  writtenAt: Date;
}

const SHARD = /^[0-9a-f]{2}$/;

/**
 * The stored files, one shard directory at a time (so a large store is never listed whole). Only names
 * this store writes are listed: anything else under the directory is left alone.
 */
export async function* storedFilesByShard(): AsyncGenerator<StoredFile[]> {
  const root = attachmentsDir();
  let shards: string[];
  try {
    shards = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && SHARD.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const shard of shards) {
    let names: string[];
    try {
      names = (await readdir(path.join(/*turbopackIgnore: true*/ root, shard), { withFileTypes: true }))
        .filter((e) => e.isFile() && STORAGE_KEY.test(e.name) && e.name.startsWith(shard))
        .map((e) => e.name);
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    const files: StoredFile[] = [];
    for (const name of names) {
      try {
        files.push({ storageKey: name, writtenAt: (await stat(pathOf(name))).mtime });
      } catch (error) {
        if (!isMissing(error)) throw error; // removed meanwhile (another instance's sweep)
      }
    }
    if (files.length > 0) yield files;
  }
}

/** Removes a stored file; true if this call removed it, false if it was already gone (idempotent). */
export async function removeStoredBytes(storageKey: string): Promise<boolean> {
  try {
    await unlink(pathOf(storageKey));
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
