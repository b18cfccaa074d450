// Mail to the customer is written to the outbox inside the transaction of the change that causes it:
// the change and its mail commit together or not at all. lib/mail/deliver-outbox.ts sends it later.
import type { Transaction } from "@/lib/db/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/customer-labels";

export interface MailTicket {
  id: number;
  number: string;
  title: string;
  customerId: string;
}

const portalLink = (number: string) => `${(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "")}/portal/tickets/${number}`;

/** Queues one mail; a second call with the same dedupeKey does nothing. A customer without an email address gets none. */
export async function enqueueCustomerMail(tx: Transaction, ticket: MailTicket, mail: { dedupeKey: string; subject: string; body: string }): Promise<void> {
  const customer = await tx.user.findUnique({ where: { id: ticket.customerId }, select: { email: true } });
  if (!customer?.email) return;
  await tx.outboxMessage.createMany({
    data: [{ ticketId: ticket.id, toAddress: customer.email, subject: mail.subject, body: `${mail.body}\n\nView the ticket: ${portalLink(ticket.number)}\n`, dedupeKey: mail.dedupeKey }],
    skipDuplicates: true,
  });
}

/** A staff public reply. */
export function enqueueReplyMail(tx: Transaction, ticket: MailTicket, comment: { id: number; body: string; authorName: string }): Promise<void> {
  return enqueueCustomerMail(tx, ticket, {
    dedupeKey: `comment:${comment.id}`,
    subject: `[${ticket.number}] New reply: ${ticket.title}`,
    body: `${comment.authorName} replied to your ticket ${ticket.number}:\n\n${comment.body}`,
  });
}

/** A status change; `version` is the ticket version the change wrote, so each change mails once. */
export function enqueueStatusMail(tx: Transaction, ticket: MailTicket, change: { from: TicketStatus; to: TicketStatus; version: number; note?: string }): Promise<void> {
  return enqueueCustomerMail(tx, ticket, {
    dedupeKey: `status:${ticket.id}:v${change.version}`,
    subject: `[${ticket.number}] ${CUSTOMER_STATUS[change.to]}: ${ticket.title}`,
    body: `Your ticket ${ticket.number} changed from "${CUSTOMER_STATUS[change.from]}" to "${CUSTOMER_STATUS[change.to]}".${change.note ? `\n\n${change.note}` : ""}`,
  });
}
