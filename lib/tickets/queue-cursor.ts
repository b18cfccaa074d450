import type { Priority } from "@/lib/db/generated/enums";
import { QUEUE_CURSOR_PATTERN } from "@/lib/validation/queue";

/** Where a queue page ends: the last row's sort key (priority, then id). */
export interface QueuePosition {
  priority: Priority;
  id: number;
}

export function encodeQueueCursor(position: QueuePosition): string {
  return `${position.priority}.${position.id}`;
}

/** The position a cursor names, or null for a cursor that is not one. */
export function decodeQueueCursor(cursor: string | undefined): QueuePosition | null {
  const match = cursor?.match(QUEUE_CURSOR_PATTERN);
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? { priority: match[1] as Priority, id } : null;
}
