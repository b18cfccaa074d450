import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, invalid } from "@/lib/errors";
import { refusalError } from "@/lib/refusal";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZRecordVendorResponse } from "@/lib/validation/routing";
import { checkVendorResponse } from "./guards";
import { loadTicket, recordEvents } from "@/lib/tickets/core/ticket-store";
import { nextVendorAlertAtSql } from "./vendor-targets.sql";
import { listVendorEngagements, type VendorEngagementJson } from "./vendor-engagement-json";
import { metTarget, utcMinute } from "./vendor-targets";


/**
 * The L4 group acknowledged the ticket: recorded once per engagement by its L3 coordinator or a manager (or an
 * integration acting as one), at `respondedAt` when given (after the fact), else now. Its response alerts stop;
 * the event says whether the target was met. A second record of the same engagement is a conflict.
 */
export async function recordVendorResponse(actor: Actor, number: string, input: VerbInput<typeof ZRecordVendorResponse>, now = new Date()): Promise<VendorEngagementJson> {
  const data = parseInput(ZRecordVendorResponse, input);
  return db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    const verdict = checkVendorResponse(actor, ticket);
    if (!verdict.ok) throw refusalError(verdict);
    const engagement = await tx.vendorEngagement.findFirst({ where: { ticketId: ticket.id, endedAt: null }, include: { group: { select: { slug: true, name: true } } } });
    if (!engagement) throw new AppError("CONFLICT", "The ticket is not with an L4 group: there is no vendor response to record.");
    const respondedAt = data.respondedAt ? new Date(data.respondedAt) : now;
    if (respondedAt > now) throw invalid({ respondedAt: ["The response cannot be in the future."] });
    if (respondedAt < engagement.startedAt) throw invalid({ respondedAt: [`The response cannot be before the hand-off at ${utcMinute(engagement.startedAt)}.`] });

    // Once per engagement, whoever records it first: a concurrent second record finds it set and is refused.
    const recorded = await tx.$executeRaw(Prisma.sql`
      UPDATE "VendorEngagement" AS e
      SET "respondedAt" = ${respondedAt}::timestamp(3), "respondedById" = ${actor.id},
        "nextAlertAt" = ${nextVendorAlertAtSql("e", Prisma.sql`e."alertsSent"`, Prisma.sql`${respondedAt}::timestamp(3)`)}
      WHERE e."id" = ${engagement.id} AND e."respondedAt" IS NULL AND e."endedAt" IS NULL`);
    if (recorded === 0) throw new AppError("CONFLICT", `${engagement.group.name}'s response is already recorded.`);

    const met = metTarget(engagement.responseDueAt, respondedAt);
    const minutes = engagement.responseDueAt ? Math.round((respondedAt.getTime() - engagement.responseDueAt.getTime()) / 60_000) : 0;
    const verdictText =
      met === null ? `no ${engagement.priority} response target is set` : met ? `within the ${engagement.priority} target (due ${utcMinute(engagement.responseDueAt!)})` : `${minutes} min after the ${engagement.priority} target (due ${utcMinute(engagement.responseDueAt!)})`;
    await recordEvents(tx, ticket.id, [
      {
        type: "VENDOR_RESPONDED",
        actorId: actor.id,
        fromTier: "L4",
        toTier: "L4",
        fromGroup: engagement.group.slug,
        toGroup: engagement.group.slug,
        rule: "vendor.responded",
        inputs: {
          engagementId: engagement.id,
          group: engagement.group.slug,
          priority: engagement.priority,
          respondedAt: respondedAt.toISOString(),
          responseDueAt: engagement.responseDueAt?.toISOString() ?? null,
          withinTarget: met,
          note: data.note ?? null,
        },
        reason: `${actor.name} recorded ${engagement.group.name}'s response at ${utcMinute(respondedAt)}: ${verdictText}.${data.note ? ` ${data.note}` : ""}`,
        createdAt: now,
      },
    ]);
    const [json] = await listVendorEngagements(tx, ticket.id);
    return json!;
  });
}
