import { db } from "@/lib/db/client";

/**
 * Folds the dashboard rollups' rows of differences into one row per key ("dashboard_rollups_fold", migration
 * dashboard_rollups); returns how many rows it removed. The figures are the same before and after: readers
 * sum a key's rows, and this only keeps their number small. One instance folds at a time (another's call
 * returns 0); writers are never held up by it.
 */
export async function foldDashboardRollups(): Promise<number> {
  const [row] = await db().$queryRaw<[{ removed: number }]>`SELECT "dashboard_rollups_fold"() AS "removed"`;
  return row.removed;
}
