import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { AssignmentMode, L4Kind, Tier } from "@/lib/db/generated/enums";
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
} as const;

type GroupRow = { slug: string; name: string; tier: Tier; l4Kind: L4Kind | null; assignmentMode: AssignmentMode; members: { isLead: boolean; user: { userId: string; name: string } }[]; l2Categories: { slug: string }[]; calendar: { slug: string } | null };

export function supportGroupView(g: GroupRow): SupportGroupView {
  return { slug: g.slug, name: g.name, tier: g.tier, l4Kind: g.l4Kind, assignmentMode: g.assignmentMode, members: g.members.map((m) => ({ ...m.user, isLead: m.isLead })), categories: g.l2Categories.map((c) => c.slug), calendar: g.calendar?.slug ?? null };
}

/** Every group by tier, with members and the categories it takes (admins and managers). */
export async function listSupportGroups(actor: Actor): Promise<SupportGroupView[]> {
  requireAdminRead(actor);
  const rows = await db().supportGroup.findMany({ orderBy: [{ tier: "asc" }, { slug: "asc" }], take: 500, select: GROUP_SELECT });
  return rows.map(supportGroupView);
}
