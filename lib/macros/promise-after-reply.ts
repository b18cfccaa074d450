import type { TicketStatus } from "@/lib/db/generated/enums";
import { updatePromise } from "@/lib/tickets/core/update-promise";

/**
 * What {{update.promise}} says: the promise that holds once this reply is sent. A reply restarts the update
 * cadence, so it is the next update due after it; a ticket left waiting on the customer or resolved has none.
 */
export function promiseAfterReply(status: TicketStatus, nextUpdateAt: string | null, now: Date, timeZone = "UTC"): string {
  if (status === "PENDING_CUSTOMER") return "We will continue as soon as you reply";
  if (status === "RESOLVED" || status === "CLOSED") return "If anything is still wrong, reply and we will pick it up again";
  return updatePromise(nextUpdateAt, now, timeZone) ?? "We will update you as soon as there is news";
}
