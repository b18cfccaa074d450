import { db } from "@/lib/db/client";
import type { StreamUser } from "./hub";

/** The person as their streams depend on it (validity, tier, groups), in one query; null when they are gone. */
export async function loadStreamUser(id: string): Promise<StreamUser | null> {
  const user = await db().user.findUnique({
    where: { id },
    select: { active: true, role: true, tier: true, secretChangedAt: true, memberships: { select: { group: { select: { slug: true } } } } },
  });
  return user && { active: user.active, role: user.role, tier: user.tier, secretChangedAt: user.secretChangedAt, groups: user.memberships.map((m) => m.group.slug) };
}
