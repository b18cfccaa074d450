import type { AssignmentMode, Tier } from "@/lib/db/generated/enums";
import { chooseAssignee, describeCandidates, type Candidate } from "./candidates";
import type { DecisionEvent } from "./intake";

export interface GroupData {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  assignmentMode: AssignmentMode;
}

export interface Placement {
  assignee: Candidate | null;
  /** The assignment decision, with every candidate considered; null for a pull queue. */
  decision: DecisionEvent | null;
}

/** Who gets a ticket entering `group`: the least-loaded member of an AUTO group; nobody in a PULL queue. */
export function placeInGroup(group: GroupData, candidates: Candidate[]): Placement {
  if (group.assignmentMode === "PULL") return { assignee: null, decision: null };
  const choice = chooseAssignee(candidates);
  const inputs = {
    group: group.slug,
    assignmentMode: group.assignmentMode,
    candidates: choice.ranked.map((c) => ({
      userId: c.userId,
      load: c.load,
      openTickets: c.openTickets,
      lastAssignedAt: c.lastAssignedAt?.toISOString() ?? null,
    })),
  };
  if (!choice.chosen) {
    return {
      assignee: null,
      decision: { rule: "assign.no-eligible-member", inputs, reason: `No active agent in ${group.name} to assign: it waits in the queue.` },
    };
  }
  return {
    assignee: choice.chosen,
    decision: {
      rule: "assign.least-loaded",
      inputs,
      reason: `Assigned to ${choice.chosen.name} in ${group.name}: least loaded of ${describeCandidates(choice.ranked)}.`,
    },
  };
}
