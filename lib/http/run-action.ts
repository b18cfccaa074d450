import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import type { AppError, FieldErrors } from "@/lib/errors";
import { userFacingError } from "./api";

/** The answer of a server action: a message, and the verb's data on success or the fields at fault on failure. */
export type ActionOutcome<T = undefined> = { ok: true; message: string; data: T } | ActionRefusal;
export interface ActionRefusal {
  ok: false;
  message: string;
  fields?: FieldErrors;
}

export const SESSION_ENDED = "Your session has ended. Sign in again; your text is kept here.";
export const OUR_FAULT = "Something went wrong on our side. Try again.";

export interface RunActionOptions<T, R> {
  /** The sentence shown on success, or one made from the verb's result. */
  done?: string | ((data: T) => string);
  /** The pages rendered anew after a success. */
  revalidate?: string | string[];
  /** A refusal the page answers in its own way (the ticket page's "changed since you opened it"); null for the usual message. */
  onRefusal?: (error: AppError, actor: Actor) => Promise<R | null>;
}

/**
 * Runs one lib verb as the signed-in actor, for every server action (agent, portal, manager and admin pages):
 * the same errors as the API (userFacingError) become a message with the fields at fault, anything else is
 * logged and shown as our fault. Authorization stays inside the verb.
 */
export async function runAction<T, R = never>(verb: (actor: Actor) => Promise<T>, options: RunActionOptions<T, R> = {}): Promise<ActionOutcome<T> | R> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: SESSION_ENDED };
  let data: T;
  try {
    data = await verb(actor);
  } catch (error) {
    const known = userFacingError(error);
    if (!known) return { ok: false, message: OUR_FAULT };
    const own = options.onRefusal ? await options.onRefusal(known, actor) : null;
    if (own !== null) return own;
    return { ok: false, message: known.message, ...(known.fields ? { fields: known.fields } : {}) };
  }
  for (const path of [options.revalidate ?? []].flat()) revalidatePath(path);
  const { done = "" } = options;
  return { ok: true, message: typeof done === "string" ? done : done(data), data };
}
