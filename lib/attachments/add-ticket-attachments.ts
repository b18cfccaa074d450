import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import type { AttachmentJson } from "./attachment-json";
import { prepareUploads } from "./prepare-uploads";
import { recordAttachments, withStoredUploads } from "./save-attachments";

/** Attaches files to a ticket `actor` may see (another customer's ticket is "not found"). */
export async function addTicketAttachments(actor: Actor, number: string, files: File[], now = new Date()): Promise<AttachmentJson[]> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true, number: true } });
  if (!ticket) throw notFound("Ticket");
  const prepared = await prepareUploads(files);
  return withStoredUploads(prepared, now, async (stored) => ({
    result: await recordAttachments({ ticketId: ticket.id, ticketNumber: ticket.number, uploaderId: actor.id }, stored, now),
    recorded: true,
  }));
}
