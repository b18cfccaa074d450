import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { inListOrder, toAttachmentJson, type AttachmentJson } from "./attachment-json";
import { visibleAttachmentWhere } from "./visible-attachments";

/** The attachments of a ticket that `actor` may see, oldest first, then by name (none for a ticket they cannot see). */
export async function listTicketAttachments(actor: Actor, number: string): Promise<AttachmentJson[]> {
  const rows = await db().attachment.findMany({
    where: visibleAttachmentWhere(actor, number),
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
  });
  return inListOrder(rows).map((row) => toAttachmentJson(number, row));
}
