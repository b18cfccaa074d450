import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { CLOSED_STATUSES, owningTier, worksAtTier } from "@/lib/routing/guards";
import { Prisma } from "@/lib/db/generated/client";
import { insertEventsSql } from "@/lib/tickets/core/event-rows.sql";
import { loadTicket, type EventInput } from "@/lib/tickets/core/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZSetSopStep } from "@/lib/validation/sop";
import { loadCategorySop, loadSopChecklist, type SopStepState } from "./core/sop-checklist";

export interface SopStepResult {
  /** False when the step already was as asked: nothing was written and nothing logged. */
  changed: boolean;
  steps: SopStepState[];
}

/**
 * Ticks or unticks one step of the category's SOP on a ticket, for the agents working at the ticket's tier
 * and managers. One statement writes the step only if it changes, and the SOP_STEP_CHANGED event only if it
 * did: parallel ticks of one step leave one row and one event (the unique key decides), and asking for what
 * is already so changes and logs nothing.
 */
export async function setSopStep(actor: Actor, number: string, input: VerbInput<typeof ZSetSopStep>, now = new Date()): Promise<SopStepResult> {
  const ticket = await loadTicket(db(), actor, number);
  if (!can(actor, "queue:view")) throw forbidden("Only support staff tick SOP steps.");
  if (CLOSED_STATUSES.includes(ticket.status)) throw new AppError("CONFLICT", "The ticket is resolved or closed: its SOP checklist no longer changes.");
  const tier = owningTier(ticket.tier);
  if (!worksAtTier(actor, tier)) throw forbidden(`Only ${tier} agents or a manager may tick this ticket's SOP steps.`);
  const data = parseInput(ZSetSopStep, input);

  const sop = await loadCategorySop(db(), ticket.categoryId);
  if (!sop?.steps.length) throw invalid({ step: [`The category ${ticket.category.name} has no SOP checklist.`] });
  const index = typeof data.step === "number" ? data.step - 1 : sop.steps.findIndex((s) => s.text === data.step);
  const step = sop.steps[index];
  if (!step) throw invalid({ step: [typeof data.step === "number" ? `The SOP has ${sop.steps.length} steps; there is no step ${data.step}.` : "That step is not in this category's SOP."] });

  const event: EventInput = {
    type: "SOP_STEP_CHANGED",
    actorId: actor.id,
    fromTier: ticket.tier,
    toTier: ticket.tier,
    rule: data.done ? "sop.step-ticked" : "sop.step-unticked",
    inputs: { step: step.text, number: index + 1, required: step.required, done: data.done, sop: sop.article.slug },
    reason: `${actor.name} ${data.done ? "ticked" : "unticked"} “${step.text}”${step.required ? " (a required step)" : ""} of ${sop.article.title}.`,
    createdAt: now,
  };
  const write = data.done
    ? Prisma.sql`INSERT INTO "TicketSopStep" ("ticketId", "step", "done", "changedById", "changedAt") VALUES (${ticket.id}, ${step.text}, TRUE, ${actor.id}, ${now})
        ON CONFLICT ("ticketId", "step") DO UPDATE SET "done" = TRUE, "changedById" = EXCLUDED."changedById", "changedAt" = EXCLUDED."changedAt"
        WHERE "TicketSopStep"."done" = FALSE`
    : Prisma.sql`UPDATE "TicketSopStep" SET "done" = FALSE, "changedById" = ${actor.id}, "changedAt" = ${now}
        WHERE "ticketId" = ${ticket.id} AND "step" = ${step.text} AND "done" = TRUE`;
  const logged = await db().$executeRaw`
    WITH changed AS (${write} RETURNING 1)
    ${insertEventsSql([event], Prisma.sql`${ticket.id}::int`)}
    WHERE EXISTS (SELECT 1 FROM changed)`;
  return { changed: logged > 0, steps: await loadSopChecklist(db(), ticket.id, sop.steps) };
}
