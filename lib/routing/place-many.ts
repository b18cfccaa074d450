import type { Priority } from "@/lib/db/generated/enums";
import { PRIORITY_WEIGHT, type Candidate } from "./candidates";
import { placeInGroup, type GroupData, type Placement } from "./placement";

/**
 * Places many new tickets in `group` at once, in order, as the same number of intakes one after another
 * would: each goes to the least-loaded member as the loads stand after the ones before it (the new
 * ticket's weight added, its assignee's last-assigned time moved to `now`). One decision per ticket,
 * with the candidates as that ticket saw them.
 */
export function placeMany(group: GroupData, candidates: Candidate[], priorities: Priority[], now: Date): Placement[] {
  let current = candidates.map((c) => ({ ...c }));
  return priorities.map((priority) => {
    const placement = placeInGroup(group, current);
    const chosen = placement.assignee;
    if (chosen) {
      current = current.map((c) => (c.id === chosen.id ? { ...c, load: c.load + PRIORITY_WEIGHT[priority], openTickets: c.openTickets + 1, lastAssignedAt: now } : c));
    }
    return placement;
  });
}
