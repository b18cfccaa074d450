import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { commentRefusal } from "@/lib/routing/comment-access";
import type { AttachmentJson } from "./attachment-json";
import { lockTicketForUpload } from "./lock-ticket-for-upload";
import { prepareUploads } from "./prepare-uploads";
import { recordAttachments, withStoredUploads } from "./save-attachments";

/**
 * Attaches files to a ticket `actor` may see (another customer's ticket is "not found") and may write on, as
 * for a public reply: staff at its owning tier or managers, customers on their own, nobody once it is closed.
 * Past the ticket's quota it is 413; a refused upload leaves no file behind.
 */
export async function addTicketAttachments(actor: Actor, number: string, files: File[], now = new Date()): Promise<AttachmentJson[]> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true, number: true, tier: true, status: true } });
  if (!ticket) throw notFound("Ticket");
  const refusal = commentRefusal(actor, ticket, "PUBLIC");
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const prepared = await prepareUploads(files);
  return withStoredUploads(prepared, now, async (stored) => ({
    result: await db().$transaction(async (tx) => {
      await lockTicketForUpload(tx, actor, ticket.id, stored.map((s) => s.size));
      return recordAttachments(tx, { ticketId: ticket.id, ticketNumber: ticket.number, uploaderId: actor.id }, stored, now);
    }),
    recorded: true,
  }));
}
