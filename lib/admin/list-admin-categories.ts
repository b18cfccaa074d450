import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { requireAdminRead } from "./authorize";

export interface AdminCategoryView {
  slug: string;
  name: string;
  description: string;
  defaultImpact: Impact;
  defaultUrgency: Urgency;
  sopArticle: string;
  l2Group: string;
}

export const CATEGORY_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  defaultImpact: true,
  defaultUrgency: true,
  sopArticle: { select: { slug: true } },
  l2Group: { select: { slug: true } },
} as const;

export function adminCategoryView(c: { slug: string; name: string; description: string; defaultImpact: Impact; defaultUrgency: Urgency; sopArticle: { slug: string } | null; l2Group: { slug: string } | null }): AdminCategoryView {
  return { slug: c.slug, name: c.name, description: c.description, defaultImpact: c.defaultImpact, defaultUrgency: c.defaultUrgency, sopArticle: c.sopArticle?.slug ?? "", l2Group: c.l2Group?.slug ?? "" };
}

/** Every category with its defaults, SOP article and L2 group (admins and managers). */
export async function listAdminCategories(actor: Actor): Promise<AdminCategoryView[]> {
  requireAdminRead(actor);
  const rows = await db().category.findMany({ orderBy: { name: "asc" }, take: 500, select: CATEGORY_SELECT });
  return rows.map(adminCategoryView);
}
