import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { AttachmentStore } from "./attachment-store";
import { directoryStore } from "./directory-store";
import { resolveAttachmentStore } from "./store-config";

const STORE_VARIABLES = ["ATTACHMENTS_URL", "ATTACHMENTS_DIR", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_S3_FORCE_PATH_STYLE"];
let selected: { settings: string; store: Promise<AttachmentStore> } | undefined;

/**
 * The store the environment names, made once (again only if those variables change, as tests do). A bad
 * ATTACHMENTS_URL throws here, at first use, with a message naming it (`npm start` checks it before serving).
 */
export function attachmentStore(): Promise<AttachmentStore> {
  const settings = STORE_VARIABLES.map((name) => process.env[name] ?? "").join("\n");
  if (selected?.settings === settings) return selected.store;
  const config = resolveAttachmentStore(process.env);
  const previous = selected?.store;
  const store = config.kind === "s3" ? import("./s3-store").then((m) => m.s3Store(config)) : Promise.resolve(directoryStore(config.dir));
  selected = { settings, store };
  void previous?.then((p) => p.close?.()).catch(() => {});
  return store;
}

export interface StoredBytes {
  storageKey: string;
  sha256: string;
  size: number;
}

/**
 * Writes the bytes under a new random key (never overwriting) and returns the key, their SHA-256 and size, both
 * counted as the bytes pass. The file's time is the upload's `now`, not a clock of the store's: the orphan
 * sweep compares it with its own.
 */
export async function storeBytes(body: Uint8Array | AsyncIterable<Uint8Array>, now: Date): Promise<StoredBytes> {
  const store = await attachmentStore();
  const storageKey = randomUUID();
  if (body instanceof Uint8Array) {
    await store.write(storageKey, body, now);
    return { storageKey, sha256: createHash("sha256").update(body).digest("hex"), size: body.byteLength };
  }
  const hash = createHash("sha256");
  let size = 0;
  async function* counted() {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.byteLength;
      yield chunk;
    }
  }
  await store.write(storageKey, Readable.from(counted(), { objectMode: false }), now);
  return { storageKey, sha256: hash.digest("hex"), size };
}

/** The stored bytes as a web stream, for a response body. */
export async function readStoredBytes(storageKey: string): Promise<ReadableStream<Uint8Array>> {
  return (await attachmentStore()).read(storageKey);
}

/** Removes a stored file; true if this call removed it, false if it was already gone (idempotent). */
export async function removeStoredBytes(storageKey: string): Promise<boolean> {
  return (await attachmentStore()).remove(storageKey);
}
