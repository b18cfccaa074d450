import type { Transaction } from "@/lib/db/client";
import type { Candidate } from "./candidates";

// The agents a group's tickets can go to, as the placement rules (candidates.ts, placement.ts) read them.

/** Active agents of each group with their open load (priority-weighted, kept by the database), in one query. */
export async function loadCandidates(tx: Transaction, groupIds: string[]): Promise<Map<string, Candidate[]>> {
  const members = await tx.groupMembership.findMany({
    where: { groupId: { in: groupIds }, user: { active: true, role: "AGENT" } },
    select: { groupId: true, user: { select: CANDIDATE_SELECT } },
  });
  const byGroup = new Map<string, Candidate[]>(groupIds.map((id) => [id, []]));
  for (const m of members) byGroup.get(m.groupId)!.push(candidateOf(m.user));
  return byGroup;
}

export const CANDIDATE_SELECT = { id: true, userId: true, name: true, lastAssignedAt: true, openLoad: true, openTickets: true } as const;

export function candidateOf(user: { id: string; userId: string; name: string; lastAssignedAt: Date | null; openLoad: number; openTickets: number }): Candidate {
  return { id: user.id, userId: user.userId, name: user.name, lastAssignedAt: user.lastAssignedAt, load: user.openLoad, openTickets: user.openTickets };
}
