"use server";

import type { ActionResult, ConflictInfo, MacroPreviewResult } from "@/components/tickets/action-result";
import type { Actor } from "@/lib/actor";
import { runAction } from "@/lib/http/run-action";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { recordVendorResponse } from "@/lib/routing/vendor-response";
import { updateTicket } from "@/lib/routing/update-ticket";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { describeMentionReport } from "@/lib/notifications/mentions";
import { listChangesSince } from "@/lib/tickets/changes-since";
import { replyAndSetStatus } from "@/lib/tickets/reply-and-set-status";
import { previewMacro } from "@/lib/macros/preview-macro";
import { STATUS_LABEL } from "@/lib/labels";
import { setSopStep } from "@/lib/tickets/set-sop-step";
import { unchecked } from "@/lib/validation/unchecked";

/** One ticket-page verb through runAction; a save that lost to a newer version says what changed since the page was read. */
async function run<T>(number: string, verb: (actor: Actor) => Promise<T>, done: string | ((result: T) => string), seenEvents?: number): Promise<ActionResult> {
  const outcome = await runAction(verb, {
    done,
    revalidate: `/queue/tickets/${number}`,
    onRefusal: async (error, actor): Promise<ActionResult | null> => {
      const currentVersion = error.details?.currentVersion;
      if (error.code !== "CONFLICT" || typeof currentVersion !== "number" || seenEvents === undefined) return null;
      return { ok: false, message: "Someone changed this ticket after you opened it. Nothing was saved.", conflict: await conflictInfo(actor, number, currentVersion, seenEvents) };
    },
  });
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
}

async function conflictInfo(actor: Actor, number: string, currentVersion: number, seenEvents: number): Promise<ConflictInfo> {
  const { ticket, changes } = await listChangesSince(actor, number, seenEvents);
  return {
    currentVersion: Math.max(ticket.version, currentVersion),
    changes: changes.map((e) => ({ by: e.actor?.name ?? "Tierdesk (automatic)", explanation: e.explanation, at: e.at })),
    now: { status: ticket.status, priority: ticket.priority, impact: ticket.impact, urgency: ticket.urgency, category: ticket.category.name, assignee: ticket.assignee?.name ?? null },
  };
}

export async function claimAction(number: string): Promise<ActionResult> {
  return run(number, (actor) => claimTicket(actor, number), "Claimed: the ticket is yours.");
}

export async function escalateAction(number: string, input: unknown): Promise<ActionResult> {
  return run(number, (actor) => escalateTicket(actor, number, unchecked(input)), "Escalated.");
}

/** Ticks or unticks one SOP step; saved on the ticket, so every reader (and the next tier) sees it. */
export async function tickSopStepAction(number: string, step: string, done: boolean): Promise<ActionResult> {
  return run(number, (actor) => setSopStep(actor, number, { step, done }), done ? "Step ticked." : "Step unticked.");
}

export async function returnAction(number: string, input: unknown): Promise<ActionResult> {
  // At L4 this records the vendor's or team's reply: no "guidance" in the message.
  return run(number, (actor) => returnTicket(actor, number, unchecked(input)), "Handed back one tier.");
}

export async function recordVendorResponseAction(number: string, input: unknown): Promise<ActionResult> {
  return run(number, (actor) => recordVendorResponse(actor, number, unchecked(input)), (e) => `${e.group.name}'s response is recorded.`);
}

export async function assignAction(number: string, input: unknown): Promise<ActionResult> {
  return run(number, (actor) => assignTicket(actor, number, unchecked(input)), "Assigned.");
}

/** Status change or reclassification against the version the page showed; `seenEvents` lets a conflict say what changed. */
export async function updateAction(number: string, input: unknown, seenEvents: number): Promise<ActionResult> {
  return run(number, (actor) => updateTicket(actor, number, unchecked(input)), "Saved.", seenEvents);
}

/** A reply or note from the composer's form: its text, who sees it, its files, and the macro it came from with its status to set. */
export async function commentAction(number: string, form: FormData): Promise<ActionResult> {
  const macroId = form.get("macroId") ? Number(form.get("macroId")) : undefined;
  const input = { body: String(form.get("body") ?? ""), visibility: String(form.get("visibility") ?? "PUBLIC"), ...(macroId === undefined ? {} : { macroId }), setStatus: String(form.get("setStatus") ?? "") };
  // A note's mentions: the writer reads who was told and who was not (and why).
  return run(number, (actor) => replyAndSetStatus(actor, number, unchecked(input), filesIn(form.getAll(ATTACHMENTS_FIELD))), ({ comment, statusSet, statusRefused }) =>
    [
      comment.mentions ? `Sent. ${describeMentionReport(comment.mentions)}` : "Sent.",
      statusSet ? `Status set to ${STATUS_LABEL[statusSet]}.` : "",
      statusRefused ? `The status was not changed: ${statusRefused}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  );
}

/** A macro filled for this ticket, for the composer: nothing is sent. */
export async function previewMacroAction(number: string, macroId: number): Promise<MacroPreviewResult> {
  const outcome = await runAction((actor) => previewMacro(actor, number, macroId));
  return outcome.ok ? { ok: true, preview: outcome.data } : { ok: false, message: outcome.message };
}
