import { db } from "@/lib/db/client";

export interface CategoryOption {
  slug: string;
  name: string;
  description: string;
}

export async function listCategories(): Promise<CategoryOption[]> {
  return db().category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true, description: true } });
}
