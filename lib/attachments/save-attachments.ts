import type { Transaction } from "@/lib/db/client";
import type { PreparedUpload } from "./prepare-uploads";
import { removeStoredBytes, storeBytes } from "./store";
import { inListOrder, toAttachmentJson, type AttachmentJson } from "./attachment-json";

export interface StoredUpload extends Omit<PreparedUpload, "bytes"> {
  size: number;
  storageKey: string;
  sha256: string;
}

/** Writes the bytes to the store, before any row names them: a row never points at a missing file. */
async function storeUploads(uploads: PreparedUpload[], now: Date): Promise<StoredUpload[]> {
  return Promise.all(
    uploads.map(async ({ bytes, ...upload }) => ({ ...upload, ...(await storeBytes(bytes, now)) })),
  );
}

/**
 * Stores the uploads, then runs `write`, which records them or says it did not (`recorded: false`, e.g. a
 * replayed submit). Files no row will name are removed at once: when `write` fails or records none. What a
 * crash in between leaves, the orphan sweep (`sweepOrphanFiles`) removes after an hour.
 */
export async function withStoredUploads<T>(
  uploads: PreparedUpload[],
  now: Date,
  write: (stored: StoredUpload[]) => Promise<{ result: T; recorded: boolean }>,
): Promise<T> {
  const stored = await storeUploads(uploads, now);
  const discard = () => Promise.all(stored.map((s) => removeStoredBytes(s.storageKey).catch(() => false)));
  let outcome: { result: T; recorded: boolean };
  try {
    outcome = await write(stored);
  } catch (error) {
    await discard();
    throw error;
  }
  if (!outcome.recorded) await discard();
  return outcome.result;
}

/** Records stored uploads against a ticket (and optionally one of its comments), in one statement. */
export async function recordAttachments(
  tx: Transaction,
  target: { ticketId: number; ticketNumber: string; commentId?: number; uploaderId: string },
  stored: StoredUpload[],
  now: Date,
): Promise<AttachmentJson[]> {
  if (stored.length === 0) return [];
  const rows = await tx.attachment.createManyAndReturn({
    data: stored.map((s) => ({
      ticketId: target.ticketId,
      commentId: target.commentId ?? null,
      uploaderId: target.uploaderId,
      fileName: s.fileName,
      contentType: s.contentType,
      size: s.size,
      storageKey: s.storageKey,
      sha256: s.sha256,
      createdAt: now,
    })),
  });
  return inListOrder(rows).map((row) => toAttachmentJson(target.ticketNumber, row));
}
