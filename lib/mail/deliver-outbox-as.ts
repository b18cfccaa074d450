import type { Actor } from "@/lib/actor";
import { forbidden } from "@/lib/errors";
import { deliverOutbox, type DeliveryResult } from "./deliver-outbox";
import { mayReadOutbox } from "./list-outbox";

/** The outbox worker on demand: admins and managers only (the scheduled worker runs as the system). */
export async function deliverOutboxAs(actor: Actor): Promise<DeliveryResult> {
  if (!mayReadOutbox(actor)) throw forbidden("Only admins and managers run mail delivery.");
  return deliverOutbox();
}
