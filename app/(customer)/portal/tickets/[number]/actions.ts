"use server";

import { redirect } from "next/navigation";
import type { PortalActionState } from "@/components/portal/ticket-action-state";
import type { TicketNotice } from "@/components/portal/ticket-notice";
import type { Actor } from "@/lib/actor";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { runAction } from "@/lib/http/run-action";
import { confirmResolved, reopenTicket } from "@/lib/tickets/customer-actions";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import { rateTicket } from "@/lib/tickets/rate-ticket";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";

/**
 * Runs one portal verb for the signed-in customer and turns its outcome into a message for the form. A verb
 * that removes its own form (confirm, reopen) lands on the ticket with a notice instead (`?done=`).
 */
async function run(form: FormData, done: string, verb: (actor: Actor, number: string) => Promise<unknown>, notice?: TicketNotice): Promise<PortalActionState> {
  const number = String(form.get("number") ?? "");
  const outcome = await runAction((actor) => verb(actor, number), { done, revalidate: `/portal/tickets/${number}` });
  if (!outcome.ok) return outcome;
  if (notice) redirect(`/portal/tickets/${encodeURIComponent(number)}?done=${notice}`);
  return { ok: true, message: outcome.message };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function replyAction(_previous: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run(form, "Reply sent.", (actor, number) =>
    replyWithAttachments(actor, number, { body: field(form, "body"), visibility: "PUBLIC" }, filesIn(form.getAll(ATTACHMENTS_FIELD))),
  );
}

export async function confirmResolvedAction(_previous: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run(form, "", (actor, number) => confirmResolved(actor, number, { version: field(form, "version") }), "closed");
}

export async function reopenAction(_previous: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run(form, "", (actor, number) => reopenTicket(actor, number, { version: field(form, "version"), reason: field(form, "reason") }), "reopened");
}

export async function escalationRequestAction(_previous: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run(form, "Your request is with support; they will decide and update you.", (actor, number) =>
    requestEscalation(actor, number, { version: field(form, "version"), reason: field(form, "reason") }),
  );
}

export async function rateAction(_previous: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run(form, "Thank you for your rating.", (actor, number) => rateTicket(actor, number, { score: field(form, "score"), comment: field(form, "comment") }));
}
