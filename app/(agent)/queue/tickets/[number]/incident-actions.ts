"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/tickets/action-result";
import type { Actor } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { linkTickets } from "@/lib/incidents/link-tickets";
import { attachChild, declareMajorIncident, detachChild } from "@/lib/incidents/major-incident";

/** Runs one lib verb as the signed-in actor; both tickets' pages are refreshed. */
async function run(numbers: string[], verb: (actor: Actor) => Promise<unknown>, done: string): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    await verb(actor);
    for (const n of numbers) revalidatePath(`/queue/tickets/${n}`);
    return { ok: true, message: done };
  } catch (error) {
    if (!(error instanceof AppError)) {
      console.error(error);
      return { ok: false, message: "Something went wrong on our side. Try again." };
    }
    return { ok: false, message: error.message, fields: error.fields };
  }
}

export async function declareMajorIncidentAction(number: string): Promise<ActionResult> {
  return run([number], (actor) => declareMajorIncident(actor, number), "Declared a major incident: attach the customer tickets it affects.");
}

/** From the parent's page (child typed) or the child's page (parent typed): the same attach. */
export async function attachChildAction(parent: string, child: string): Promise<ActionResult> {
  return run([parent, child], (actor) => attachChild(actor, parent, { child }), "Attached: the major incident's public updates now reach this customer.");
}

export async function detachChildAction(parent: string, child: string): Promise<ActionResult> {
  return run([parent, child], (actor) => detachChild(actor, parent, child), "Detached: the ticket is handled on its own again.");
}

export async function linkTicketAction(number: string, input: { kind: unknown; target: unknown }): Promise<ActionResult> {
  return run([number, String(input.target ?? "")], (actor) => linkTickets(actor, number, input), input.kind === "DUPLICATE_OF" ? "Closed as a duplicate; the customer was told where to follow." : "Linked.");
}
