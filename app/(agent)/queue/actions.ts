"use server";

import { revalidatePath } from "next/cache";
import type { QueueActionResult } from "@/components/queue/queue-actions";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { bulkAction, type BulkResult } from "@/lib/tickets/bulk-action";
import { saveQueuePreferences } from "@/lib/tickets/queue-preferences";
import { createSavedView, deleteSavedView, renameSavedView } from "@/lib/tickets/saved-views";


/** Runs one lib verb as the signed-in actor; an AppError becomes the message the queue shows. */
async function run<T>(verb: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<T>): Promise<QueueActionResult<T>> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    const value = await verb(actor);
    revalidatePath("/queue");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.fields ? Object.values(error.fields).flat().join(" ") || error.message : error.message };
    console.error(error);
    return { ok: false, message: "Something went wrong on our side. Try again." };
  }
}

/** The queue's bulk bar: the same lib function (and schema) as POST /api/v1/tickets/bulk. */
export async function bulkQueueAction(input: unknown): Promise<QueueActionResult<BulkResult>> {
  return run((actor) => bulkAction(actor, input));
}

export async function saveColumnsAction(input: unknown): Promise<QueueActionResult<unknown>> {
  return run((actor) => saveQueuePreferences(actor, input));
}

export async function createSavedViewAction(input: unknown): Promise<QueueActionResult<{ id: number }>> {
  return run(async (actor) => ({ id: (await createSavedView(actor, input)).id }));
}

export async function renameSavedViewAction(id: number, input: unknown): Promise<QueueActionResult<unknown>> {
  return run((actor) => renameSavedView(actor, id, input));
}

export async function deleteSavedViewAction(id: number): Promise<QueueActionResult<unknown>> {
  return run((actor) => deleteSavedView(actor, id));
}
