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
