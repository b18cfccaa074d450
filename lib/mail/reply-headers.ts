// Issue 24: what the outbox worker adds to a customer's mail when INBOUND_DOMAIN is set: a Reply-To that leads
// back to the ticket (lib/mail/reply-address.ts) and our own Message-ID, kept on the row (set once, so a
// retry sends the same one) so a reply's In-Reply-To/References finds the ticket too.
import { db } from "@/lib/db/client";
import { outboundMessageId, replyAddress, replyToken } from "./reply-address";
import { replyKey } from "./reply-key";

export interface ReplyHeaders {
  replyTo: string;
  messageId: string;
}

interface OutgoingRow {
  id: number;
  ticketId: number | null;
  /** Set on staff mail (a notification): it gets no Reply-To. */
  linkPath: string | null;
  messageId: string | null;
}

/** Reply headers for each customer mail among `rows` (by row id); staff mail and mail of no ticket get none. */
export async function replyHeadersFor(rows: readonly OutgoingRow[], domain: string): Promise<Map<number, ReplyHeaders>> {
  const customerMail = rows.filter((row) => row.ticketId !== null && row.linkPath === null);
  const headers = new Map<number, ReplyHeaders>();
  if (!customerMail.length) return headers;
  const tickets = await db().ticket.findMany({
    where: { id: { in: [...new Set(customerMail.map((row) => row.ticketId!))] } },
    select: { id: true, number: true, customerId: true },
  });
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const key = replyKey();
  for (const row of customerMail) {
    const ticket = byId.get(row.ticketId!);
    if (!ticket) continue;
    let messageId = row.messageId;
    if (!messageId) {
      messageId = outboundMessageId(row.id, domain);
      await db().outboxMessage.updateMany({ where: { id: row.id, messageId: null }, data: { messageId } });
    }
    headers.set(row.id, { replyTo: replyAddress(ticket.number, replyToken(key, ticket.id, ticket.customerId), domain), messageId });
  }
  return headers;
}
