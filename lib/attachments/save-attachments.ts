import { db } from "@/lib/db/client";
import type { PreparedUpload } from "./prepare-uploads";
import { storeBytes } from "./store";
import { inListOrder, toAttachmentJson, type AttachmentJson } from "./attachment-json";

export interface StoredUpload extends Omit<PreparedUpload, "bytes"> {
  size: number;
  storageKey: string;
  sha256: string;
}

/**
 * Writes the bytes to the store, before any row names them: a row never points at a missing file. A
 * failure after this leaves unreferenced files (no rows); the orphan sweep (`sweepOrphanFiles`) removes
 * files that no Attachment row names once they are an hour old.
 */
export async function storeUploads(uploads: PreparedUpload[]): Promise<StoredUpload[]> {
  return Promise.all(
    uploads.map(async ({ bytes, ...upload }) => ({ ...upload, size: bytes.byteLength, ...(await storeBytes(bytes)) })),
  );
}

/** Records stored uploads against a ticket (and optionally one of its comments), in one statement. */
export async function recordAttachments(
  target: { ticketId: number; ticketNumber: string; commentId?: number; uploaderId: string },
  stored: StoredUpload[],
  now = new Date(),
): Promise<AttachmentJson[]> {
  if (stored.length === 0) return [];
  const rows = await db().attachment.createManyAndReturn({
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
