import type { Role, Tier } from "@/lib/db/generated/enums";

/** A person as the admin pages and API show them: never the secret hash. */
export interface PersonView {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  tier: Tier | null;
  organization: string | null;
  active: boolean;
  /** Acts only through API tokens and never signs in. */
  serviceAccount: boolean;
  createdAt: string;
}

export const PERSON_SELECT = {
  userId: true,
  name: true,
  email: true,
  role: true,
  tier: true,
  active: true,
  serviceAccount: true,
  createdAt: true,
  organization: { select: { slug: true } },
} as const;

export function personView(row: {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  tier: Tier | null;
  active: boolean;
  serviceAccount: boolean;
  createdAt: Date;
  organization: { slug: string } | null;
}): PersonView {
  return { userId: row.userId, name: row.name, email: row.email, role: row.role, tier: row.tier, organization: row.organization?.slug ?? null, active: row.active, serviceAccount: row.serviceAccount, createdAt: row.createdAt.toISOString() };
}

/** The audit trail's picture of a person: what an admin may see, without timestamps that always differ. */
export function auditedPerson(person: PersonView): Omit<PersonView, "createdAt" | "serviceAccount"> {
  const { userId, name, email, role, tier, organization, active } = person;
  return { userId, name, email, role, tier, organization, active };
}
