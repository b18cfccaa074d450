// Issue 24: which ticket a received mail answers. By our reply address (its token checked in constant time),
// else by In-Reply-To/References against the Message-IDs we sent. A mismatch is a reason to hold, in words.
import type { Transaction } from "@/lib/db/client";
import type { ParsedInboundMail } from "./parse-mail";
import { findReplyAddress, replyTokenMatches } from "@/lib/mail/reply-address";

export interface MatchedTicket {
  id: number;
  number: string;
  customerId: string;
  how: "reply-address" | "references";
}

/** No ticket: `answersNone` when it names no reply address of ours and answers none of our Message-IDs (a fresh mail, not a bad token). */
export type TicketMatch = { ticket: MatchedTicket } | { ticket: null; reason: string; answersNone: boolean };

export async function matchTicket(tx: Transaction, mail: Pick<ParsedInboundMail, "recipients" | "referencedIds">, domain: string | undefined, key: Buffer): Promise<TicketMatch> {
  const address = domain ? findReplyAddress(mail.recipients, domain) : null;
  if (address) {
    const ticket = await tx.ticket.findUnique({ where: { number: address.ticketNumber }, select: { id: true, number: true, customerId: true } });
    if (!ticket || !replyTokenMatches(key, ticket.id, ticket.customerId, address.token)) {
      return { ticket: null, reason: `The reply address names ${address.ticketNumber}, but its token is not valid for that ticket.`, answersNone: false };
    }
    return { ticket: { ...ticket, how: "reply-address" } };
  }
  if (mail.referencedIds.length) {
    const sent = await tx.outboxMessage.findFirst({
      where: { messageId: { in: mail.referencedIds }, ticketId: { not: null } },
      orderBy: { id: "desc" },
      select: { ticket: { select: { id: true, number: true, customerId: true } } },
    });
    if (sent?.ticket) return { ticket: { ...sent.ticket, how: "references" } };
  }
  return { ticket: null, reason: "It answers none of our mails: no reply address of ours and no In-Reply-To/References we sent.", answersNone: true };
}
