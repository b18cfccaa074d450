import type { Actor } from "@/lib/actor";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { prepareUploads } from "@/lib/attachments/prepare-uploads";
import { recordAttachments, storeUploads } from "@/lib/attachments/save-attachments";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateTicket } from "@/lib/validation/ticket";
import { openTicket } from "./create-ticket";
import type { TicketJson } from "./ticket-json";

/**
 * A customer opens a ticket with files. Fields and files are checked before anything is written; the
 * bytes are stored, then the ticket is created, then the attachment rows: a refused or failed intake
 * leaves no rows (only unreferenced files, which `sweepOrphanFiles` removes after an hour). A replayed submit (same
 * idempotency key) returns the first ticket and its attachments, adding none.
 */
export async function openTicketWithAttachments(
  actor: Actor,
  input: unknown,
  files: File[],
  now = new Date(),
): Promise<{ ticket: TicketJson; created: boolean; attachments: AttachmentJson[] }> {
  if (!can(actor, "ticket:create")) throw forbidden("Only customers open tickets here.");
  parseInput(ZCreateTicket, input);
  const prepared = await prepareUploads(files);
  const stored = await storeUploads(prepared);
  const { ticket, created } = await openTicket(actor, input, now);
  if (!created || stored.length === 0) return { ticket, created, attachments: await listTicketAttachments(actor, ticket.number) };
  const { id } = await db().ticket.findUniqueOrThrow({ where: { number: ticket.number }, select: { id: true } });
  const attachments = await recordAttachments({ ticketId: id, ticketNumber: ticket.number, uploaderId: actor.id }, stored, now);
  return { ticket, created, attachments };
}
