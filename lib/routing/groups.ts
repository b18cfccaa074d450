import type { Tier } from "@/lib/db/generated/enums";

/** Where functional escalation goes when neither the request nor the category names a group. */
export const DEFAULT_GROUP_FOR_TIER: Partial<Record<Tier, string>> = {
  L2: "platform-support",
  L3: "engineering-support",
};

/** The group an escalation to `tier` goes to: the one asked for, else the category's L2 group, else the default. */
export function escalationTargetSlug(tier: Tier, requested: string | undefined, categoryL2Group: string | null): string | null {
  if (requested) return requested;
  if (tier === "L2" && categoryL2Group) return categoryL2Group;
  return DEFAULT_GROUP_FOR_TIER[tier] ?? null;
}
