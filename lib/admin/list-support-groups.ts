import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { AssignmentMode, L4Kind, Priority, Tier } from "@/lib/db/generated/enums";
import { requireAdminRead } from "./authorize";

export interface SupportGroupView {
  slug: string;
  name: string;
  tier: Tier;
  l4Kind: L4Kind | null;
  assignmentMode: AssignmentMode;
  /** isLead: told of the group's alerts, the rung between the agent and the managers. */
  members: { userId: string; name: string; isLead: boolean }[];
  /** Categories whose L1 escalations come to this group. */
  categories: string[];
  /** The slug of the calendar its tier budgets run on; null: the matrix version's. */
  calendar: string | null;
  /** L4 groups: the vendor's targets per priority (P1 first), each on a calendar's slug ("24x7": always). */
  vendorTargets: VendorTargetView[];
}

export interface VendorTargetView {
  priority: Priority;
  responseMinutes: number;
  resolutionMinutes: number;
  calendar: string;
}

export const GROUP_SELECT = {
  id: true,
  slug: true,
  name: true,
  tier: true,
  l4Kind: true,
  assignmentMode: true,
  members: { select: { isLead: true, user: { select: { userId: true, name: true } } }, orderBy: { user: { userId: "asc" } } },
  l2Categories: { select: { slug: true }, orderBy: { slug: "asc" } },
  calendar: { select: { slug: true } },
  vendorTargets: { orderBy: { priority: "asc" }, select: { priority: true, responseMinutes: true, resolutionMinutes: true, calendar: { select: { slug: true } } } },
} as const;

type GroupRow = { slug: string; name: string; tier: Tier; l4Kind: L4Kind | null; assignmentMode: AssignmentMode; members: { isLead: boolean; user: { userId: string; name: string } }[]; l2Categories: { slug: string }[]; calendar: { slug: string } | null;
  vendorTargets: { priority: Priority; responseMinutes: number; resolutionMinutes: number; calendar: { slug: string } }[] };

export function supportGroupView(g: GroupRow): SupportGroupView {
  return { slug: g.slug, name: g.name, tier: g.tier, l4Kind: g.l4Kind, assignmentMode: g.assignmentMode, members: g.members.map((m) => ({ ...m.user, isLead: m.isLead })), categories: g.l2Categories.map((c) => c.slug), calendar: g.calendar?.slug ?? null,
    vendorTargets: g.vendorTargets.map((t) => ({ priority: t.priority, responseMinutes: t.responseMinutes, resolutionMinutes: t.resolutionMinutes, calendar: t.calendar.slug })) };
}

/** Every group by tier, with members and the categories it takes (admins and managers). */
export async function listSupportGroups(actor: Actor): Promise<SupportGroupView[]> {
  requireAdminRead(actor);
  const rows = await db().supportGroup.findMany({ orderBy: [{ tier: "asc" }, { slug: "asc" }], take: 500, select: GROUP_SELECT });
  return rows.map(supportGroupView);
}
