import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { can, visibleTicketWhere } from "@/lib/permissions";
import type { Priority, VendorEngagementEnd } from "@/lib/db/generated/enums";
import { metTarget } from "./vendor-targets";

/** One stint of a ticket with an L4 group, as the ticket page and the API show it. */
export interface VendorEngagementJson {
  id: number;
  group: { slug: string; name: string };
  priority: Priority;
  startedAt: string;
  /** Null when the group has no target for the priority. */
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  /** The target's calendar as used ("slug vN"). */
  calendar: string | null;
  respondedAt: string | null;
  respondedBy: { userId: string; name: string } | null;
  /** Null while pending or without a target. */
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  endedAt: string | null;
  endedAs: VendorEngagementEnd | null;
}

const ENGAGEMENT_SELECT = {
  id: true,
  priority: true,
  startedAt: true,
  responseDueAt: true,
  resolutionDueAt: true,
  calendarLabel: true,
  respondedAt: true,
  endedAt: true,
  endedAs: true,
  group: { select: { slug: true, name: true } },
  respondedBy: { select: { userId: true, name: true } },
} as const;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A ticket's engagements with L4 groups, newest first (the open one, if any, leads). */
export async function listVendorEngagements(tx: Transaction, ticketId: number): Promise<VendorEngagementJson[]> {
  const rows = await tx.vendorEngagement.findMany({ where: { ticketId }, orderBy: { id: "desc" }, select: ENGAGEMENT_SELECT });
  return rows.map((e) => ({
    id: e.id,
    group: e.group,
    priority: e.priority,
    startedAt: e.startedAt.toISOString(),
    responseDueAt: iso(e.responseDueAt),
    resolutionDueAt: iso(e.resolutionDueAt),
    calendar: e.calendarLabel,
    respondedAt: iso(e.respondedAt),
    respondedBy: e.respondedBy,
    responseMet: metTarget(e.responseDueAt, e.respondedAt),
    resolutionMet: metTarget(e.resolutionDueAt, e.endedAt),
    endedAt: iso(e.endedAt),
    endedAs: e.endedAs,
  }));
}

/** A ticket's engagements for staff (vendor contracts are not the customer's to see: forbidden for them). */
export async function getVendorEngagements(actor: Actor, number: string): Promise<VendorEngagementJson[]> {
  if (!can(actor, "queue:view")) throw forbidden();
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  return listVendorEngagements(db(), ticket.id);
}
