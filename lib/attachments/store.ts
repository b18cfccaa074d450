import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
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

/** Writes the bytes under a new random key (never overwriting) and returns the key and their SHA-256. */
export async function storeBytes(bytes: Uint8Array): Promise<StoredBytes> {
  const storageKey = randomUUID();
  const file = pathOf(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { storageKey, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The stored bytes as a web stream, for a response body. */
export function readStoredBytes(storageKey: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(pathOf(storageKey))) as ReadableStream<Uint8Array>;
}
