import type { Priority } from "@/lib/db/generated/enums";

/** How much an open ticket weighs on its assignee's load. */
export const PRIORITY_WEIGHT: Record<Priority, number> = { P1: 5, P2: 4, P3: 3, P4: 2, P5: 1 };

export interface Candidate {
  id: string;
  userId: string;
  name: string;
  /** Open tickets weighted by priority. */
  load: number;
  openTickets: number;
  /** When they were last given a ticket; null = never. */
  lastAssignedAt: Date | null;
}

export interface CandidateChoice {
  chosen: Candidate | null;
  /** Everyone considered, best first, as the decision log records them. */
  ranked: Candidate[];
  rule: "least-loaded" | "no-eligible-member";
}

/**
 * Least loaded first; on a tie the one idle longest (never assigned counts as longest); then by user ID in
 * code-point order for a stable order (PostgreSQL's COLLATE "C", so intake's SQL ranks the same way).
 */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      a.load - b.load ||
      (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

export function chooseAssignee(candidates: Candidate[]): CandidateChoice {
  const ranked = rankCandidates(candidates);
  return { chosen: ranked[0] ?? null, ranked, rule: ranked.length ? "least-loaded" : "no-eligible-member" };
}

/** How many candidates a reason names; the event's inputs list every one with its load. */
export const NAMED_CANDIDATES = 5;

/** The candidates for a one-sentence reason: the first few with their loads, and how many more there were. */
export function describeCandidates(ranked: Candidate[]): string {
  const named = ranked.slice(0, NAMED_CANDIDATES).map((c) => `${c.userId} (load ${c.load})`).join(", ");
  const rest = ranked.length - NAMED_CANDIDATES;
  return rest > 0 ? `${named} and ${rest} more` : named;
}
