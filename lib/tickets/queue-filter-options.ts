import { db } from "@/lib/db/client";
import type { Tier } from "@/lib/db/generated/enums";

export interface QueueFilterOptions {
  categories: { slug: string; name: string }[];
  groups: { slug: string; name: string; tier: Tier }[];
}

/** What the queue's category and group filters offer. */
export async function listQueueFilterOptions(): Promise<QueueFilterOptions> {
  const [categories, groups] = await Promise.all([
    db().category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db().supportGroup.findMany({ orderBy: [{ tier: "asc" }, { name: "asc" }], select: { slug: true, name: true, tier: true } }),
  ]);
  return { categories, groups };
}
