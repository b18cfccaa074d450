import type { Readable } from "node:stream";

/** A stored file as the orphan sweep sees it: its key and when its bytes were written. */
export interface StoredFile {
  storageKey: string;
  writtenAt: Date;
}

/**
 * Where attachment bytes live: a directory (the default) or an S3 bucket, never served as static files nor by
 * a public URL: the scoped download route reads them here. Keys are UUIDs this module makes; a store refuses
 * any other (a path, "..") before it touches anything.
 */
export interface AttachmentStore {
  readonly kind: "directory" | "s3";
  /**
   * Writes `body` under a key that is not there yet (StorageKeyTakenError otherwise, the first bytes kept); a
   * stream as its bytes come, never whole in memory. A failed write leaves nothing readable behind. `now` is
   * kept as the file's upload time.
   */
  write(storageKey: string, body: Readable | Uint8Array, now: Date): Promise<void>;
  /** The bytes as a web stream, read as the consumer reads (never whole in memory); throws when they are gone. */
  read(storageKey: string): Promise<ReadableStream<Uint8Array>>;
  /**
   * Every stored file, a page at a time (a large store is never listed whole), with the time its listing gives
   * (on S3 the server's clock, see `writtenAt`). Only names this store writes: anything else is left alone.
   */
  listPages(): AsyncIterable<StoredFile[]>;
  /** The upload's own `now` as the store kept it; null when the file is gone. */
  writtenAt(storageKey: string): Promise<Date | null>;
  /**
   * Removes a file; true if it was there for this call, false if it was already gone (no error: idempotent).
   * On S3 two removals at once may both say true: it has no delete-if-present.
   */
  remove(storageKey: string): Promise<boolean>;
  /** Throws a message naming the setting at fault when the store cannot be used (no bucket, refused credentials…). */
  check(): Promise<void>;
  /** Lets go of connections, if it holds any. */
  close?(): void;
}

/** A write to a key that is already there: never overwritten. */
export class StorageKeyTakenError extends Error {
  constructor(storageKey: string) {
    super(`An attachment is already stored under ${storageKey}.`);
    this.name = "StorageKeyTakenError";
  }
}

const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isStorageKey = (name: string) => STORAGE_KEY.test(name);

/** A key is a UUID we generated; anything else never reaches the file system or the bucket. */
export function checkedStorageKey(storageKey: string): string {
  if (!isStorageKey(storageKey)) throw new Error("Invalid attachment storage key.");
  return storageKey;
}
