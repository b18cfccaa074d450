import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { CLOSED_STATUSES, owningTier, worksAtTier } from "@/lib/routing/escalation";
import { loadTicket, recordEvents } from "@/lib/routing/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import { ZSetSopStep } from "@/lib/validation/sop";
import { loadCategorySop, loadSopChecklist, type SopStepState } from "./sop-checklist";

export interface SopStepResult {
  /** False when the step already was as asked: nothing was written and nothing logged. */
  changed: boolean;
  steps: SopStepState[];
}

/**
 * Ticks or unticks one step of the category's SOP on a ticket, for the agents working at the ticket's tier
 * and managers. The ticket row is locked while the step is read and written, so parallel ticks of one step
 * leave one row and one SOP_STEP_CHANGED event; asking for what is already so changes and logs nothing.
 */
export async function setSopStep(actor: Actor, number: string, input: unknown, now = new Date()): Promise<SopStepResult> {
  return db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    if (!can(actor, "queue:view")) throw forbidden("Only support staff tick SOP steps.");
    if (CLOSED_STATUSES.includes(ticket.status)) throw new AppError("CONFLICT", "The ticket is resolved or closed: its SOP checklist no longer changes.");
    const tier = owningTier(ticket.tier);
    if (!worksAtTier(actor, tier)) throw forbidden(`Only ${tier} agents or a manager may tick this ticket's SOP steps.`);
    const data = parseInput(ZSetSopStep, input);

    const sop = await loadCategorySop(tx, ticket.categoryId);
    if (!sop?.steps.length) throw invalid({ step: [`The category ${ticket.category.name} has no SOP checklist.`] });
    const index = typeof data.step === "number" ? data.step - 1 : sop.steps.findIndex((s) => s.text === data.step);
    const step = sop.steps[index];
    if (!step) throw invalid({ step: [typeof data.step === "number" ? `The SOP has ${sop.steps.length} steps; there is no step ${data.step}.` : "That step is not in this category's SOP."] });

    await tx.$executeRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${ticket.id} FOR UPDATE`;
    const current = await tx.ticketSopStep.findUnique({ where: { ticketId_step: { ticketId: ticket.id, step: step.text } }, select: { done: true } });
    const changed = (current?.done ?? false) !== data.done;
    if (changed) {
      const row = { done: data.done, changedById: actor.id, changedAt: now };
      await tx.ticketSopStep.upsert({ where: { ticketId_step: { ticketId: ticket.id, step: step.text } }, create: { ticketId: ticket.id, step: step.text, ...row }, update: row });
      await recordEvents(tx, ticket.id, [
        {
          type: "SOP_STEP_CHANGED",
          actorId: actor.id,
          fromTier: ticket.tier,
          toTier: ticket.tier,
          rule: data.done ? "sop.step-ticked" : "sop.step-unticked",
          inputs: { step: step.text, number: index + 1, required: step.required, done: data.done, sop: sop.article.slug },
          reason: `${actor.name} ${data.done ? "ticked" : "unticked"} “${step.text}”${step.required ? " (a required step)" : ""} of ${sop.article.title}.`,
          createdAt: now,
        },
      ]);
    }
    return { changed, steps: await loadSopChecklist(tx, ticket.id, sop.steps) };
  });
}
