"use server";

import type { QueueActionResult } from "@/components/queue/queue-actions";
import type { Actor } from "@/lib/actor";
import { runAction } from "@/lib/http/run-action";
import { bulkAction, type BulkResult } from "@/lib/tickets/bulk-action";
import { saveQueuePreferences } from "@/lib/tickets/queue-preferences";
import { createSavedView, deleteSavedView, renameSavedView } from "@/lib/tickets/saved-views";
import { unchecked } from "@/lib/validation/unchecked";


/** One queue verb through runAction; the queue shows a refusal as one sentence, its fields' messages joined. */
async function run<T>(verb: (actor: Actor) => Promise<T>): Promise<QueueActionResult<T>> {
  const outcome = await runAction(verb, { revalidate: "/queue" });
  if (outcome.ok) return { ok: true, value: outcome.data };
  return { ok: false, message: outcome.fields ? Object.values(outcome.fields).flat().join(" ") || outcome.message : outcome.message };
}

/** The queue's bulk bar: the same lib function (and schema) as POST /api/v1/tickets/bulk. */
export async function bulkQueueAction(input: unknown): Promise<QueueActionResult<BulkResult>> {
  return run((actor) => bulkAction(actor, unchecked(input)));
}

export async function saveColumnsAction(input: unknown): Promise<QueueActionResult<unknown>> {
  return run((actor) => saveQueuePreferences(actor, unchecked(input)));
}

export async function createSavedViewAction(input: unknown): Promise<QueueActionResult<{ id: number }>> {
  return run(async (actor) => ({ id: (await createSavedView(actor, unchecked(input))).id }));
}

export async function renameSavedViewAction(id: number, input: unknown): Promise<QueueActionResult<unknown>> {
  return run((actor) => renameSavedView(actor, id, unchecked(input)));
}

export async function deleteSavedViewAction(id: number): Promise<QueueActionResult<unknown>> {
  return run((actor) => deleteSavedView(actor, id));
}
