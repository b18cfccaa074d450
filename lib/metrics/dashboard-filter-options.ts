import { db } from "@/lib/db/client";

export interface DashboardFilterOptions {
  categories: { slug: string; name: string }[];
  organizations: { slug: string; name: string }[];
}

/** What the dashboard's category and organization filters offer. */
export async function listDashboardFilterOptions(): Promise<DashboardFilterOptions> {
  const [categories, organizations] = await Promise.all([
    db().category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db().organization.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { categories, organizations };
}
