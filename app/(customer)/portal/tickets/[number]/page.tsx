import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TicketAttachments } from "@/components/portal/ticket-attachments";
import { TicketConversation } from "@/components/portal/ticket-conversation";
import { isTicketNotice, TicketNoticeBanner } from "@/components/portal/ticket-notice";
import { TicketEscalationRequest } from "@/components/portal/ticket-escalation-request";
import { TicketRating } from "@/components/portal/ticket-rating";
import { TicketReplyBox } from "@/components/portal/ticket-reply-box";
import { TicketResolutionActions } from "@/components/portal/ticket-resolution-actions";
import { TicketSummary } from "@/components/portal/ticket-summary";
import { PortalTicketLive } from "@/components/portal/ticket-live";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { getCustomerTicket } from "@/lib/tickets/customer-tickets";
import { TicketClosedNotice } from "@/components/portal/ticket-closed-notice";
import { confirmResolvedAction, escalationRequestAction, rateAction, reopenAction, replyAction } from "./actions";

type Props = PageProps<"/portal/tickets/[number]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Ticket ${(await params).number}` };
}

export default async function PortalTicketPage({ params, searchParams }: Props) {
  const actor = await requirePageActor(["CUSTOMER"]);
  const { number } = await params;
  const loaded = await Promise.all([getCustomerTicket(actor, number), getCustomerConversation(actor, number), listTicketAttachments(actor, number)]).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [ticket, conversation, attachments] = loaded;
  const { done } = await searchParams;
  const finished = ticket.status === "RESOLVED" || ticket.status === "CLOSED";
  return (
    <div className="space-y-6">
      <PortalTicketLive number={ticket.number} version={ticket.version} lastActivityAt={ticket.lastActivityAt} />
      {isTicketNotice(done) && <TicketNoticeBanner notice={done} />}
      <TicketSummary ticket={ticket} now={new Date()} />
      {ticket.status === "RESOLVED" && <TicketResolutionActions confirm={confirmResolvedAction} reopen={reopenAction} number={ticket.number} version={ticket.version} />}
      {ticket.status === "CLOSED" && <TicketClosedNotice number={ticket.number} />}
      {finished && <TicketRating action={rateAction} number={ticket.number} version={ticket.version} rating={ticket.rating} />}
      <TicketConversation description={ticket.description} openedBy={ticket.openedBy} replies={conversation.replies} history={conversation.history} />
      <TicketAttachments attachments={attachments} />
      {ticket.status !== "CLOSED" && (
        <section aria-labelledby="reply-heading" className="space-y-3">
          <h2 id="reply-heading" className="text-base font-semibold">
            Reply
          </h2>
          <TicketReplyBox action={replyAction} number={ticket.number} version={ticket.version} />
        </section>
      )}
      {!finished && <TicketEscalationRequest action={escalationRequestAction} number={ticket.number} version={ticket.version} />}
    </div>
  );
}
