import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { requireAdminRead } from "./authorize";

/** Organization slugs, for choosing a new customer's organization. */
export async function listOrganizationSlugs(actor: Actor): Promise<string[]> {
  requireAdminRead(actor);
  const rows = await db().organization.findMany({ orderBy: { slug: "asc" }, select: { slug: true }, take: 500 });
  return rows.map((r) => r.slug);
}
