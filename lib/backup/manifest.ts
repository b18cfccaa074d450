// The first entry of every backup archive: what it holds and what a restore checks it against.
import { z } from "zod";
import { storableString } from "@/lib/validation/text";

export const BACKUP_FORMAT = "tierdesk-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
/** Embedded backups: each table's rows in PostgreSQL's COPY text format, a batch per entry. */
export const DATA_DIR_ENTRY = "data/";
/** PostgreSQL backups: pg_dump's plain SQL. */
export const PG_DUMP_ENTRY = "database.sql";
export const ATTACHMENTS_ENTRY = "attachments/";

const ZTable = z.object({ name: storableString(), columns: z.array(storableString()), rows: z.number().int().nonnegative(), checksum: storableString() });
const ZSequence = z.object({ name: storableString(), lastValue: storableString(), isCalled: z.boolean() });
const ZFile = z.object({ storageKey: storableString(), size: z.number().int().nonnegative(), sha256: storableString() });

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: storableString(),
  createdAt: storableString(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    /** "copy": data/ entries (embedded); "pg_dump": database.sql (PostgreSQL). */
    data: z.enum(["copy", "pg_dump"]),
    serverVersion: storableString(),
    /** The migration level: every migration applied, in order. */
    migrations: z.array(storableString()),
    tables: z.array(ZTable),
    /** Embedded backups set them after loading (pg_dump's SQL sets its own). */
    sequences: z.array(ZSequence),
  }),
  attachments: z.object({
    store: z.enum(["directory", "s3"]),
    /** False on object storage: its files are backed up by the storage's own means (versioning, replication). */
    included: z.boolean(),
    files: z.array(ZFile),
    /** Files the database names that were not in the store, or whose bytes no longer match their SHA-256. */
    missing: z.array(storableString()),
  }),
});

export type BackupManifest = z.infer<typeof ZBackupManifest>;
export type ManifestTable = BackupManifest["database"]["tables"][number];

export function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Error("The archive's manifest is not JSON.");
  }
  const result = ZBackupManifest.safeParse(json);
  if (!result.success) throw new Error(`The archive's manifest is not one this version reads: ${result.error.issues[0]?.message ?? "invalid"}.`);
  return result.data;
}

/** The entry name of batch `batch` of the table at `position` in dependency order. */
export function dataEntryName(position: number, table: string, batch: number): string {
  return `${DATA_DIR_ENTRY}${String(position).padStart(3, "0")}-${table}-${String(batch).padStart(4, "0")}.copy`;
}

export function attachmentEntryName(storageKey: string): string {
  return `${ATTACHMENTS_ENTRY}${storageKey.slice(0, 2)}/${storageKey}`;
}
