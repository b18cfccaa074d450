import type { Priority } from "@/lib/db/generated/enums";
import { QUEUE_CURSOR_PATTERN, QUEUE_SORTS, type QueueSort, type SortDirection } from "@/lib/validation/queue";

/** The sort key of one row: a priority, an instant (epoch ms; null where that clock is stopped) or, for age, the id. */
export type SortKey = Priority | number | null;

/** Where a queue page ends: the sort and direction it was read in, and the last row's sort key and id. */
export interface QueuePosition {
  sort: QueueSort;
  dir: SortDirection;
  key: SortKey;
  id: number;
}

const isPriority = (value: string): value is Priority => /^P[1-5]$/.test(value);

export function encodeQueueCursor(position: QueuePosition): string {
  return `${position.sort}.${position.dir}.${position.key ?? "none"}.${position.id}`;
}

/**
 * The position a cursor names, or null for a cursor that is not one: a priority key only for the
 * priority sort, "none" only for a clock, and a number for the others.
 */
export function decodeQueueCursor(cursor: string | undefined): QueuePosition | null {
  const match = cursor?.match(QUEUE_CURSOR_PATTERN);
  if (!match) return null;
  const [, sortText, dirText, keyText, idText] = match as unknown as [string, string, "asc" | "desc", string, string];
  const sort = QUEUE_SORTS.find((s) => s === sortText);
  const id = Number(idText);
  if (!sort || !Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  if (sort === "priority") return isPriority(keyText) ? { sort, dir: dirText, key: keyText, id } : null;
  if (isPriority(keyText)) return null;
  if (keyText === "none") return sortKeyIsNullable(sort) ? { sort, dir: dirText, key: null, id } : null;
  const key = Number(keyText);
  return Number.isSafeInteger(key) ? { sort, dir: dirText, key, id } : null;
}

/** The SLA clocks are null while stopped; priority, last update and age always have a value. */
export function sortKeyIsNullable(sort: QueueSort): boolean {
  return sort === "first-response" || sort === "resolution" || sort === "tier-budget";
}

/** The sort key of a row as the cursor holds it. */
export function sortKeyOf(
  sort: QueueSort,
  row: { id: number; priority: Priority; firstResponseDueAt: Date | null; resolutionDueAt: Date | null; tierBudgetEndsAt: Date | null; updatedAt: Date },
): SortKey {
  switch (sort) {
    case "priority":
      return row.priority;
    case "first-response":
      return row.firstResponseDueAt?.getTime() ?? null;
    case "resolution":
      return row.resolutionDueAt?.getTime() ?? null;
    case "tier-budget":
      return row.tierBudgetEndsAt?.getTime() ?? null;
    case "updated":
      return row.updatedAt.getTime();
    case "age":
      return row.id;
  }
}
