import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden, invalid } from "@/lib/errors";
import { refusalError } from "@/lib/refusal";
import { resolveChildren } from "@/lib/routing/resolve-children";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZUpdateTicket } from "@/lib/validation/routing";
import { clockColumnsOf, clockStateOf } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { checkStatusChange, owningTier, worksAtTier } from "./guards";
import { IMPACT_LABEL, URGENCY_LABEL } from "./labels";
import { classify } from "./matrix";
import { loadCurrentMatrix } from "./matrix-store";
import { loadRules } from "./clock-rules";
import { loadTicket, recordEvents, saveTicket, staleVersion, type EventInput } from "@/lib/tickets/core/ticket-store";

/**
 * Status changes and reclassification, against the version the agent last read (stale → 409). A changed
 * impact, urgency or category reclassifies on the current matrix, recomputes every due time from the
 * time already used, and records old → new.
 */
export async function updateTicket(actor: Actor, number: string, input: VerbInput<typeof ZUpdateTicket>, now = new Date()): Promise<TicketJson> {
  const data = parseInput(ZUpdateTicket, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    if (actor.role === "CUSTOMER") throw forbidden("Customers reply, confirm or reopen from the portal.");
    if (data.version !== ticket.version) throw staleVersion(ticket.version);

    const events: EventInput[] = [];
    const update: Prisma.TicketUncheckedUpdateManyInput = {};
    const before = await loadRules(tx, ticket);
    let after = before;

    const impact = data.impact ?? ticket.impact;
    const urgency = data.urgency ?? ticket.urgency;
    const category = data.category && data.category !== ticket.category.slug ? await tx.category.findUnique({ where: { slug: data.category } }) : ticket.category;
    if (!category) throw invalid({ category: ["Choose one of the listed categories."] });
    if (impact !== ticket.impact || urgency !== ticket.urgency || category.id !== ticket.categoryId) {
      if (!worksAtTier(actor, owningTier(ticket.tier))) throw forbidden(`Only ${owningTier(ticket.tier)} agents or a manager may reclassify this ticket.`);
      const current = await loadCurrentMatrix(tx);
      const classification = classify(current.matrix, impact, urgency);
      after = await loadRules(tx, { ...ticket, matrixVersionId: current.id, priority: classification.priority });
      Object.assign(update, { impact, urgency, categoryId: category.id, priority: classification.priority, matrixVersionId: current.id });
      events.push({
        type: "RECLASSIFIED",
        actorId: actor.id,
        rule: "matrix.cell",
        inputs: {
          from: { impact: ticket.impact, urgency: ticket.urgency, category: ticket.category.slug, priority: ticket.priority },
          to: { impact, urgency, category: category.slug, priority: classification.priority },
          matrixVersion: current.matrix.version,
          cell: `${impact}×${urgency}`,
        },
        reason:
          `Reclassified ${ticket.priority} → ${classification.priority} by ${actor.name} on priority matrix v${current.matrix.version}: ` +
          `impact ${IMPACT_LABEL[ticket.impact]} → ${IMPACT_LABEL[impact]}, urgency ${URGENCY_LABEL[ticket.urgency]} → ${URGENCY_LABEL[urgency]}` +
          (category.id !== ticket.categoryId ? `, category ${ticket.category.name} → ${category.name}` : "") +
          "; due times recomputed from the time already used.",
        createdAt: now,
      });
    }

    const status = data.status ?? ticket.status;
    if (status !== ticket.status) {
      const verdict = checkStatusChange(actor, ticket, status);
      if (!verdict.ok) throw refusalError(verdict, "status");
      if (status === "RESOLVED") update.resolvedAt = now;
      if (status === "CLOSED") update.closedAt = now;
      if (ticket.status === "RESOLVED" && status !== "CLOSED") update.resolvedAt = null;
      events.push({
        type: "STATUS_CHANGED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "status.manual",
        inputs: { from: ticket.status, to: status },
        reason: `${actor.name} changed the status from ${ticket.status} to ${status}${status === "PENDING_CUSTOMER" ? ": SLA clocks pause until the customer answers" : ""}.`,
        createdAt: now,
      });
    }

    const reclassified = events.some((e) => e.type === "RECLASSIFIED");
    const clocks = advanceClocks(clockStateOf(ticket), { status, reclassified }, { now, calendars: after.calendars, before: before.target, after: after.target });
    if (reclassified && clocks.resolutionDueAt) {
      // Manager alerts follow the new target: a threshold it moves back into the future may alert again.
      const reached = clocks.resolutionDueAt <= now ? 100 : clocks.resolutionWarnAt && clocks.resolutionWarnAt <= now ? 75 : 0;
      if (reached < ticket.slaAlertLevel) update.slaAlertLevel = reached;
    }
    await saveTicket(tx, { id: ticket.id, version: data.version }, { ...update, ...clockColumnsOf(clocks) }, now);
    await recordEvents(tx, ticket.id, events);
    if (status !== ticket.status) await enqueueStatusMail(tx, ticket, { from: ticket.status, to: status, version: data.version + 1 }, now);
    // A major incident finished (resolved, or closed by a manager straight away) resolves its open children.
    const finished = (status === "RESOLVED" || status === "CLOSED") && ticket.status !== "RESOLVED";
    if (finished && status !== ticket.status && ticket.isMajorIncident) await resolveChildren(tx, actor, ticket, now);
  });
  return getTicket(actor, number);
}
