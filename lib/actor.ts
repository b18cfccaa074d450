import type { Role, Tier } from "@/lib/db/generated/enums";

/** Who is acting: the signed-in user as every lib service sees it. */
export interface Actor {
  id: string;
  userId: string;
  name: string;
  role: Role;
  tier: Tier | null;
  organizationId: string | null;
}

/** The actor for a user row: only what services need, never the secret hash. */
export function actorOf(user: Actor & Record<string, unknown>): Actor {
  return {
    id: user.id,
    userId: user.userId,
    name: user.name,
    role: user.role,
    tier: user.tier,
    organizationId: user.organizationId,
  };
}
