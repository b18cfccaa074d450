import type { BulkResult } from "@/lib/tickets/bulk-action";

export type QueueActionResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The server actions the queue page hands its client part (props only: components import nothing from app/). */
export interface QueueActions {
  bulk: (input: unknown) => Promise<QueueActionResult<BulkResult>>;
  saveColumns: (input: unknown) => Promise<QueueActionResult<unknown>>;
  createView: (input: unknown) => Promise<QueueActionResult<{ id: number }>>;
  renameView: (id: number, input: unknown) => Promise<QueueActionResult<unknown>>;
  deleteView: (id: number) => Promise<QueueActionResult<unknown>>;
}

/** An action's failure message, or null when it worked. */
export const failure = (result: QueueActionResult<unknown>): string | null => (result.ok ? null : result.message);
