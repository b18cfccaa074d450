import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { compareWhatIf, type WhatIfComparison } from "@/lib/routing/what-if";
import { WHAT_IF_TICKET_CAP, ZWhatIf } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import { requireAdminRead } from "./authorize";
import { loadReplayTickets } from "./load-replay-tickets";

export interface WhatIfResult extends WhatIfComparison {
  currentVersion: number;
  period: { from: string; to: string };
  /** True when the period held more than the cap: only the first `cap` tickets were replayed. */
  capped: boolean;
  cap: number;
}

/**
 * Replays the tickets created in the chosen period (whole days, UTC, both ends included) on the current
 * matrix and on the draft, and returns both summaries. Reads only; publishes nothing.
 */
export async function runWhatIf(actor: Actor, input: unknown, now = new Date()): Promise<WhatIfResult> {
  requireAdminRead(actor);
  const { from, to, draft } = parseInput(ZWhatIf, input);
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);
  const current = await loadCurrentMatrix(db());
  const { tickets, capped } = await loadReplayTickets(db(), start, end, WHAT_IF_TICKET_CAP);
  const draftTargets = draft.targets.map((t) => ({
    priority: t.priority,
    firstResponseMinutes: t.firstResponseMinutes,
    resolutionMinutes: t.resolutionMinutes,
    updateEveryMinutes: t.updateEveryMinutes,
    l1BudgetMinutes: t.tierBudgetMinutes.L1,
    l2BudgetMinutes: t.tierBudgetMinutes.L2,
    l3BudgetMinutes: t.tierBudgetMinutes.L3,
    clock: t.businessHours ? ("BUSINESS_HOURS" as const) : ("ALWAYS" as const),
  }));
  const comparison = compareWhatIf(
    tickets,
    { matrix: current.matrix, targets: current.targets },
    { matrix: { version: current.matrix.version + 1, cells: draft.cells }, targets: draftTargets },
    current.calendar,
    now,
  );
  return { ...comparison, currentVersion: current.matrix.version, period: { from, to }, capped, cap: WHAT_IF_TICKET_CAP };
}
