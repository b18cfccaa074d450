import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { requireAdminRead } from "./authorize";

/** An organization as the admin API shows it. */
export interface OrganizationView {
  slug: string;
  name: string;
  /** The slug of the calendar its customer clock runs on; null: the matrix version's. */
  calendar: string | null;
}

export const ORGANIZATION_SELECT = { slug: true, name: true, calendar: { select: { slug: true } } } satisfies Prisma.OrganizationSelect;

export function organizationView(o: Prisma.OrganizationGetPayload<{ select: typeof ORGANIZATION_SELECT }>): OrganizationView {
  return { slug: o.slug, name: o.name, calendar: o.calendar?.slug ?? null };
}

/** Organization slugs, for choosing a new customer's organization. */
export async function listOrganizationSlugs(actor: Actor): Promise<string[]> {
  requireAdminRead(actor);
  const rows = await db().organization.findMany({ orderBy: { slug: "asc" }, select: { slug: true }, take: 500 });
  return rows.map((r) => r.slug);
}

/** Organizations by slug, at most 500, each with the calendar its customer clock runs on (admins and managers). */
export async function listOrganizations(actor: Actor): Promise<OrganizationView[]> {
  requireAdminRead(actor);
  const rows = await db().organization.findMany({ orderBy: { slug: "asc" }, select: ORGANIZATION_SELECT, take: 500 });
  return rows.map(organizationView);
}
