// The attachment files a backup takes: those the database names (never the orphans the sweep will remove), read
// from the directory store and checked against the SHA-256 recorded when they were uploaded.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { storedFilePath } from "@/lib/attachments/directory-store";
import type { Sql } from "./catalog";

export interface NamedFile {
  storageKey: string;
  size: number;
  sha256: string;
}

/** Every attachment row's file, in the caller's snapshot. */
export async function namedFiles(sql: Sql): Promise<NamedFile[]> {
  const present = await sql(`SELECT to_regclass('public."Attachment"') IS NOT NULL AS present`);
  if (!present[0]?.present) return [];
  const rows = await sql(`SELECT "storageKey", size, sha256 FROM "Attachment" ORDER BY "storageKey"`);
  return rows.map((r) => ({ storageKey: String(r.storageKey), size: Number(r.size), sha256: String(r.sha256) }));
}

/** The files that are not in the directory, or not of the size recorded (their bytes cannot be the ones uploaded). */
export async function missingFiles(root: string, files: NamedFile[]): Promise<string[]> {
  const missing: string[] = [];
  for (const file of files) {
    const size = await stat(storedFilePath(root, file.storageKey)).then((s) => s.size, () => null);
    if (size !== file.size) missing.push(file.storageKey);
  }
  return missing;
}

/** The file's bytes as they are read; at the end, throws if they are not the ones whose SHA-256 was recorded. */
export async function* checkedFileBytes(root: string, file: NamedFile): AsyncGenerator<Buffer> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(storedFilePath(root, file.storageKey))) {
    hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
  const actual = hash.digest("hex");
  if (actual !== file.sha256) throw new Error(`Attachment ${file.storageKey} no longer matches its SHA-256 (${actual}, recorded ${file.sha256}).`);
}
