import type { AssignmentMode, Tier } from "@/lib/db/generated/enums";
import { chooseAssignee, describeCandidates, rankCandidates, type Candidate } from "./candidates";
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

/**
 * The placements of an AUTO group in order of preference: the least-loaded member first, then each next
 * one for when everyone before is being handed another ticket at that very moment (intakes running side
 * by side skip an agent whose row another intake holds, instead of queueing behind it). Each says who
 * was passed over and why, so the log explains a choice that is not the first. `limit`: how many to decide.
 */
export function placementsInOrder(group: GroupData, candidates: Candidate[], limit = Infinity): Placement[] {
  const first = placeInGroup(group, candidates);
  if (!first.assignee || !first.decision) return [first];
  const ranked = rankCandidates(candidates);
  return ranked.slice(0, limit).map((candidate, i) => {
    if (i === 0) return first;
    const busy = ranked.slice(0, i);
    return {
      assignee: candidate,
      decision: {
        rule: "assign.least-loaded-free",
        inputs: { ...first.decision!.inputs, busy: busy.map((c) => c.userId) },
        reason:
          `Assigned to ${candidate.name} in ${group.name}: least loaded of ${describeCandidates(ranked.slice(i))}; ` +
          `${busy.map((c) => c.userId).join(", ")} ${busy.length === 1 ? "was" : "were"} being given another ticket at that moment.`,
      },
    };
  });
}
