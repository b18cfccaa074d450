"use server";

import type { ActionResult } from "@/components/tickets/action-result";
import type { Actor } from "@/lib/actor";
import { runAction } from "@/lib/http/run-action";
import { linkTickets } from "@/lib/incidents/link-tickets";
import { attachChild, declareMajorIncident, detachChild } from "@/lib/incidents/major-incident";
import { unchecked } from "@/lib/validation/unchecked";

/** One incident verb through runAction; both tickets' pages are refreshed. */
async function run(numbers: string[], verb: (actor: Actor) => Promise<unknown>, done: string): Promise<ActionResult> {
  const outcome = await runAction(verb, { done, revalidate: numbers.map((n) => `/queue/tickets/${n}`) });
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
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
  return run([number, String(input.target ?? "")], (actor) => linkTickets(actor, number, unchecked(input)), input.kind === "DUPLICATE_OF" ? "Closed as a duplicate; the customer was told where to follow." : "Linked.");
}
