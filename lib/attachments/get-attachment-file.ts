import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { readStoredBytes } from "./store";
import { visibleAttachmentWhere } from "./visible-attachments";

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

/** Attachment ids are UUIDs; anything else from the URL (a NUL byte included) names no attachment. */
const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One attachment's bytes, if `actor` may see its ticket; otherwise (or unknown, or malformed) "not found". */
export async function getAttachmentFile(actor: Actor, number: string, id: string): Promise<AttachmentFile> {
  if (!ATTACHMENT_ID.test(id)) throw notFound("Attachment");
  const row = await db().attachment.findFirst({
    where: { id, ...visibleAttachmentWhere(actor, number) },
    select: { fileName: true, contentType: true, size: true, storageKey: true },
  });
  if (!row) throw notFound("Attachment");
  return { fileName: row.fileName, contentType: row.contentType, size: row.size, body: await readStoredBytes(row.storageKey) };
}
