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

/**
 * Least loaded first; on a tie the one idle longest (never assigned counts as longest); then by user ID in
 * code-point order for a stable order (PostgreSQL's COLLATE "C", so intake's SQL ranks the same way).
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.load - b.load ||
    (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

/**
 * The best `limit` candidates in rank order (all of them by default), the same objects in a new array.
 * A small `limit` keeps only that many while passing over the rest once, so ranking a group of 500 for
 * one placement costs about as little as ranking a group of 5.
 */
export function rankCandidates(candidates: Candidate[], limit = Infinity): Candidate[] {
  if (limit >= candidates.length) return [...candidates].sort(compareCandidates);
  const best: Candidate[] = [];
  for (const candidate of candidates) {
    if (best.length === limit && compareCandidates(candidate, best[limit - 1]!) >= 0) continue;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && compareCandidates(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** How many candidates a decision names with their loads, best first; the rest are summed up. */
export const NAMED_CANDIDATES = 5;

/**
 * The candidates for a one-sentence reason: the first few of `ranked` with their loads, and how many more
 * there were (`total`, when `ranked` holds only the first of them).
 */
export function describeCandidates(ranked: Candidate[], total = ranked.length): string {
  const named = ranked.slice(0, NAMED_CANDIDATES).map((c) => `${c.userId} (load ${c.load})`).join(", ");
  const rest = total - NAMED_CANDIDATES;
  return rest > 0 ? `${named} and ${rest} more` : named;
}
