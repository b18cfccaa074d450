import type { Actor } from "@/lib/actor";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";

/** Notifications are for staff: everyone with a queue has them; a customer is refused (403). */
export function requireNotificationReader(actor: Actor): void {
  if (!can(actor, "queue:view")) throw forbidden("Notifications are for support staff.");
}
