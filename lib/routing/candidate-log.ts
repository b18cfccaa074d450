import { NAMED_CANDIDATES, type Candidate } from "./candidates";
import type { Json } from "./intake";

/**
 * What an automatic assignment logs about the agents it weighed, whatever the size of the group: how many
 * were considered, the best few with their loads, and the rest summed up (how many, and the lowest load
 * among them). With the chosen agent and who was passed over, the decision explains itself in well under a
 * kilobyte for a group of 5 or 500 (intake's SQL writes the same: lib/routing/placement.sql.ts).
 */
export interface CandidateLog {
  [key: string]: Json;
  considered: number;
  candidates: { userId: string; load: number; openTickets: number; lastAssignedAt: string | null }[];
}

/** `ranked`: at least the best NAMED_CANDIDATES + 1 of the `total` candidates, best first. */
export function candidateLog(ranked: Candidate[], total: number): CandidateLog {
  const next = ranked[NAMED_CANDIDATES];
  return {
    considered: total,
    candidates: ranked.slice(0, NAMED_CANDIDATES).map((c) => ({
      userId: c.userId,
      load: c.load,
      openTickets: c.openTickets,
      lastAssignedAt: c.lastAssignedAt?.toISOString() ?? null,
    })),
    ...(total > NAMED_CANDIDATES && next ? { others: { count: total - NAMED_CANDIDATES, lowestLoad: next.load } } : {}),
  };
}

/**
 * The decision's candidates in one line for staff, from an ASSIGNED event's inputs: "l1ada (load 0), … and
 * 45 more, lowest load 3; 2 held by another intake". Events logged before the log was bounded list every
 * candidate: they are summed up the same way. Null when the inputs name no candidates.
 */
export function describeCandidateLog(inputs: unknown): string | null {
  if (!inputs || typeof inputs !== "object") return null;
  const { candidates, others, busy } = inputs as { candidates?: unknown; others?: unknown; busy?: unknown };
  if (!Array.isArray(candidates) || !candidates.length) return null;
  const listed = candidates.filter(isLogged);
  const named = listed.slice(0, NAMED_CANDIDATES);
  let rest: { count: number; lowestLoad: number } | null = null;
  if (isSummary(others)) rest = others;
  else if (listed.length > NAMED_CANDIDATES) rest = { count: listed.length - NAMED_CANDIDATES, lowestLoad: listed.slice(NAMED_CANDIDATES).reduce((low, c) => Math.min(low, c.load), Infinity) };
  const held = Array.isArray(busy) ? busy.length : 0;
  return (
    named.map((c) => `${c.userId} (load ${c.load})`).join(", ") +
    (rest ? ` and ${rest.count} more, lowest load ${rest.lowestLoad}` : "") +
    (held ? `; ${held} held by another intake` : "")
  );
}

const isLogged = (c: unknown): c is { userId: string; load: number } =>
  !!c && typeof c === "object" && typeof (c as { userId?: unknown }).userId === "string" && typeof (c as { load?: unknown }).load === "number";

const isSummary = (o: unknown): o is { count: number; lowestLoad: number } =>
  !!o && typeof o === "object" && typeof (o as { count?: unknown }).count === "number" && typeof (o as { lowestLoad?: unknown }).lowestLoad === "number";
