// Removes attachment files that no Attachment row names. Every row names a ticket (ticketId is required),
// so a row is never unlinked; but a file is written before its row, and an intake or reply that fails
// after that (an unknown category, a refused comment, a lost connection, a crash), or a replayed double
// submit, leaves bytes that nothing names. Safe with several instances on one store: a file is removed only
// when no row names it at that moment, and removing one already gone is no error.
//
// Age: a file is old when the listing's time AND the upload's own `now` (as the store kept it) are both past
// the grace period. On the directory they are one time (the mtime is set to `now`); on S3 the listing gives
// LastModified, the server's clock, and the upload's `now` is object metadata that only a HEAD returns, so
// it is read for the few orphans alone. Either clock being ahead can then only keep a file longer.
import { db } from "@/lib/db/client";
import { ORPHAN_GRACE_MS, orphanFiles, pastGrace } from "./orphan-files";
import { attachmentStore } from "./store";

export interface OrphanSweepResult {
  /** Stored files looked at. */
  scanned: number;
  /** Orphans this run removed (on the directory store, one another instance removed first is not counted). */
  removed: number;
}

/** Keys looked up per statement. */
const LOOKUP_BATCH = 1_000;

export async function sweepOrphanFiles(now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<OrphanSweepResult> {
  const store = await attachmentStore();
  let scanned = 0;
  let removed = 0;
  for await (const files of store.listPages()) {
    scanned += files.length;
    for (let i = 0; i < files.length; i += LOOKUP_BATCH) {
      const batch = files.slice(i, i + LOOKUP_BATCH);
      // Only old files can be orphans: ask about those alone, right before removing (a row written since
      // the listing keeps its file).
      const candidates = pastGrace(batch, now, graceMs);
      if (candidates.length === 0) continue;
      const rows = await db().attachment.findMany({
        where: { storageKey: { in: candidates.map((f) => f.storageKey) } },
        select: { storageKey: true },
      });
      for (const file of orphanFiles(candidates, new Set(rows.map((r) => r.storageKey)), now, graceMs)) {
        const writtenAt = await store.writtenAt(file.storageKey);
        if (!writtenAt || pastGrace([{ ...file, writtenAt }], now, graceMs).length === 0) continue;
        if (await store.remove(file.storageKey)) removed++;
      }
    }
  }
  return { scanned, removed };
}
