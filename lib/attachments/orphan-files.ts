import type { StoredFile } from "./attachment-store";

/** How long a stored file may go without a row before the sweep takes it for an orphan. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Files written before the grace period began. A file is stored before its row (an upload writes the
 * bytes, then the ticket or reply, then the rows), so a fresh file without a row may be an upload still
 * in flight: only older ones can be orphans.
 */
export function pastGrace(files: StoredFile[], now: Date, graceMs = ORPHAN_GRACE_MS): StoredFile[] {
  const cutoff = now.getTime() - graceMs;
  return files.filter((f) => f.writtenAt.getTime() < cutoff);
}

/** The orphans among stored files: past the grace period, and no Attachment row names them. */
export function orphanFiles(files: StoredFile[], linkedKeys: ReadonlySet<string>, now: Date, graceMs = ORPHAN_GRACE_MS): StoredFile[] {
  return pastGrace(files, now, graceMs).filter((f) => !linkedKeys.has(f.storageKey));
}
