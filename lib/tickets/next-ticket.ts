import type { Actor } from "@/lib/actor";
import { findQueue } from "./find-queue";

/**
 * The ticket an agent should open next, in queue order: the first of their own open tickets, else the first
 * unassigned one of their scope; never `current`. Null when both views are empty.
 */
export async function nextTicketFor(actor: Actor, current: string, now: Date): Promise<{ number: string; title: string } | null> {
  for (const view of ["mine", "unassigned"] as const) {
    const page = await findQueue(actor, { view, limit: 2 }, now);
    const next = page.rows.find((row) => row.number !== current);
    if (next) return { number: next.number, title: next.title };
  }
  return null;
}
