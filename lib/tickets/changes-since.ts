import type { Actor } from "@/lib/actor";
import { getTicket } from "./core/get-ticket";
import { listEvents, type EventJson } from "./list-events";
import type { TicketJson } from "./core/ticket-json";

export interface TicketChanges {
  ticket: TicketJson;
  /** The decision-log events written after the first `seenEvents` (the log is append-only, oldest first). */
  changes: EventJson[];
}

/** What happened to a ticket since someone read it: for a save that lost to a newer version. */
export async function listChangesSince(actor: Actor, number: string, seenEvents: number): Promise<TicketChanges> {
  const [ticket, events] = await Promise.all([getTicket(actor, number), listEvents(actor, number)]);
  return { ticket, changes: events.slice(Math.max(0, Math.floor(seenEvents))) };
}
