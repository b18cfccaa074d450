import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/components/admin/admin-action-result";
import type { Actor } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/http/api";

/**
 * Runs one lib verb as the signed-in actor for a server action; an AppError becomes a message and field
 * errors. After a change that succeeded, the admin page at `revalidate` is rendered anew.
 */
export async function runAdminAction<T>(verb: (actor: Actor) => Promise<T>, done: string, revalidate?: string): Promise<AdminActionResult<T>> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    const data = await verb(actor);
    if (revalidate) revalidatePath(revalidate);
    return { ok: true, message: done, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields };
    if (isUniqueConstraintViolation(error)) return { ok: false, message: "Someone else made the same change at the same moment. Reload and try again." };
    console.error(error);
    return { ok: false, message: "Something went wrong on our side. Try again." };
  }
}
