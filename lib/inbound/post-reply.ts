// Issue 24: a received mail becomes the customer's public reply through the portal's own verbs, in the
// caller's transaction: on a RESOLVED ticket it reopens it as "Still broken" does; otherwise it is a reply
// (which resumes clocks paused on the customer and tells the assignee). Never on a CLOSED ticket.
import { actorOf } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addCommentIn } from "@/lib/tickets/add-comment";
import { reopenTicketIn } from "@/lib/tickets/customer-actions";
import { REOPEN_REASON_MAX } from "@/lib/validation/portal";
import { COMMENT_MAX } from "@/lib/validation/routing";
import { fitText } from "./reply-text";

export interface PostedReply {
  commentId: number;
  reopened: boolean;
}

export async function postCustomerReply(tx: Transaction, ticketId: number, text: string, now: Date): Promise<PostedReply> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { number: true, status: true, version: true, customer: true } });
  if (ticket.status === "CLOSED") throw new AppError("CONFLICT", "The ticket is closed.");
  const customer = actorOf(ticket.customer);
  if (ticket.status === "RESOLVED") {
    const { commentId } = await reopenTicketIn(tx, customer, ticket.number, { version: ticket.version, reason: fitText(text, REOPEN_REASON_MAX) }, now);
    return { commentId, reopened: true };
  }
  const comment = await addCommentIn(tx, customer, ticket.number, { body: fitText(text, COMMENT_MAX), visibility: "PUBLIC" }, now);
  return { commentId: comment.id, reopened: false };
}
