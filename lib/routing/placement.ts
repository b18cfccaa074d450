import type { AssignmentMode, Tier } from "@/lib/db/generated/enums";
import { candidateLog } from "./candidate-log";
import { describeCandidates, NAMED_CANDIDATES, rankCandidates, type Candidate } from "./candidates";
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
  /** The assignment decision (its candidates bounded: see candidateLog); null for a pull queue. */
  decision: DecisionEvent | null;
}

/** Who gets a ticket entering `group`: the least-loaded member of an AUTO group; nobody in a PULL queue. */
export function placeInGroup(group: GroupData, candidates: Candidate[]): Placement {
  return placementsInOrder(group, candidates, 1)[0]!;
}

/**
 * The placements of an AUTO group in order of preference: the least-loaded member first, then each next
 * one for when everyone before is being handed another ticket at that very moment (intakes running side
 * by side skip an agent whose row another intake holds, instead of queueing behind it). Each says who
 * was passed over and why, so the log explains a choice that is not the first. `limit`: how many to decide;
 * only as many candidates as those need are ranked, so a placement costs the same in a group of 500.
 */
export function placementsInOrder(group: GroupData, candidates: Candidate[], limit = Infinity): Placement[] {
  if (group.assignmentMode === "PULL") return [{ assignee: null, decision: null }];
  const base = { group: group.slug, assignmentMode: group.assignmentMode };
  if (!candidates.length) {
    return [
      {
        assignee: null,
        decision: {
          rule: "assign.no-eligible-member",
          inputs: { ...base, considered: 0, candidates: [] },
          reason: `No active agent in ${group.name} to assign: it waits in the queue.`,
        },
      },
    ];
  }
  const total = candidates.length;
  // Each placement names the NAMED_CANDIDATES from its own onwards, and the log the one after the best few.
  const ranked = rankCandidates(candidates, limit + NAMED_CANDIDATES);
  const log = candidateLog(ranked, total);
  return ranked.slice(0, limit).map((chosen, i) => {
    const busy = ranked.slice(0, i).map((c) => c.userId);
    const inputs = { ...base, ...log, chosen: { userId: chosen.userId, load: chosen.load, rank: i + 1 }, ...(i ? { busy } : {}) };
    const least = `Assigned to ${chosen.name} in ${group.name}: least loaded of ${describeCandidates(ranked.slice(i), total - i)}`;
    return {
      assignee: chosen,
      decision: i
        ? {
            rule: "assign.least-loaded-free",
            inputs,
            reason: `${least}; ${busy.join(", ")} ${busy.length === 1 ? "was" : "were"} being given another ticket at that moment.`,
          }
        : { rule: "assign.least-loaded", inputs, reason: `${least}.` },
    };
  });
}
