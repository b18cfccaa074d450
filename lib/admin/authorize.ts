import type { Actor } from "@/lib/actor";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";

/** Admins and managers see the admin pages; everyone else is refused (fails closed). */
export function requireAdminRead(actor: Actor | null | undefined): asserts actor is Actor {
  if (!can(actor, "admin:read")) throw forbidden("The admin pages are for admins and managers.");
}

/** Only admins change configuration and people. */
export function requireAdminWrite(actor: Actor | null | undefined): asserts actor is Actor {
  if (!can(actor, "admin:write")) throw forbidden("Only admins change this.");
}
