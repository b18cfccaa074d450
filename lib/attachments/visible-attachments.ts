import type { Actor } from "@/lib/actor";
import type { Prisma } from "@/lib/db/generated/client";
import { visibleTicketWhere } from "@/lib/permissions";

/**
 * Attachments of ticket `number` that `actor` may see: the ticket's visibility rules (another customer's
 * ticket matches nothing), and for customers only files not tied to an internal note.
 */
export function visibleAttachmentWhere(actor: Actor, number: string): Prisma.AttachmentWhereInput {
  return {
    ticket: visibleTicketWhere(actor, number),
    ...(actor.role === "CUSTOMER" ? { OR: [{ commentId: null }, { comment: { visibility: "PUBLIC" } }] } : {}),
  };
}
