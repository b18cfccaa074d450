import type { Actor } from "@/lib/actor";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { prepareUploads } from "@/lib/attachments/prepare-uploads";
import { recordAttachments, withStoredUploads } from "@/lib/attachments/save-attachments";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZCreateTicket } from "@/lib/validation/ticket";
import { openTicket } from "./create-ticket";
import type { CustomerTicketJson } from "./customer-ticket-json";
import { getCustomerTicket } from "./customer-tickets";

/**
 * A customer opens a ticket with files. Fields and files are checked before anything is written; the
 * bytes are stored, then the ticket is created, then the attachment rows: a refused or failed intake
 * leaves no rows, and its files are removed at once. A replayed submit (same idempotency key) returns the
 * first ticket and its attachments, adding none (its own files are removed). The ticket comes back in the
 * customer's view (only customers open tickets), as `GET` of it answers.
 */
export async function openTicketWithAttachments(
  actor: Actor,
  input: VerbInput<typeof ZCreateTicket>,
  files: File[],
  now = new Date(),
): Promise<{ ticket: CustomerTicketJson; created: boolean; attachments: AttachmentJson[] }> {
  if (!can(actor, "ticket:create")) throw forbidden("Only customers open tickets here.");
  parseInput(ZCreateTicket, input);
  const prepared = await prepareUploads(files);
  const opened = await withStoredUploads<{ number: string; created: boolean; attachments: AttachmentJson[] | null }>(prepared, now, async (stored) => {
    const { ticket: { number }, created } = await openTicket(actor, input, now, "PORTAL");
    if (!created || stored.length === 0) return { result: { number, created, attachments: null }, recorded: false };
    const { id } = await db().ticket.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const attachments = await recordAttachments(db(), { ticketId: id, ticketNumber: number, uploaderId: actor.id }, stored, now);
    return { result: { number, created, attachments }, recorded: true };
  });
  return {
    ticket: await getCustomerTicket(actor, opened.number),
    created: opened.created,
    attachments: opened.attachments ?? (await listTicketAttachments(actor, opened.number)),
  };
}
