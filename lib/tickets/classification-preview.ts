import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";
import { advanceClocks, type ClockCalendars, type ClockState } from "@/lib/routing/clocks";
import { classify, type MatrixData } from "@/lib/routing/matrix";
import { findTarget, type SlaTargetData } from "@/lib/routing/sla";

export interface ClassificationPreview {
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  matrixVersion: number;
  /** ISO instants; null where that clock is stopped or done. */
  due: { firstResponseAt: string | null; resolutionAt: string | null; nextUpdateAt: string | null; tierBudgetEndsAt: string | null };
}

export interface PreviewInput {
  state: ClockState;
  /** The target and calendars the ticket's clocks run on now (its own matrix version, priority, organization and group). */
  before: { target: SlaTargetData; calendars: ClockCalendars };
  current: { matrix: MatrixData; targets: SlaTargetData[] };
  impact: Impact;
  urgency: Urgency;
  now: Date;
}

/**
 * What a reclassification to (impact, urgency) would give, computed as `updateTicket` does it: the cell
 * of the current matrix, and every due time recomputed from the time already used (`reclassified: true`).
 */
export function previewClassification({ state, before, current, impact, urgency, now }: PreviewInput): ClassificationPreview {
  const { priority, matrixVersion } = classify(current.matrix, impact, urgency);
  const after = findTarget(current.targets, priority);
  const clocks = advanceClocks(state, { reclassified: true }, { now, calendars: before.calendars, before: before.target, after });
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    impact,
    urgency,
    priority,
    matrixVersion,
    due: {
      firstResponseAt: iso(clocks.firstResponseDueAt),
      resolutionAt: iso(clocks.resolutionDueAt),
      nextUpdateAt: iso(clocks.nextUpdateDueAt),
      tierBudgetEndsAt: iso(clocks.tierBudgetEndsAt),
    },
  };
}

/** The key of a preview in the map the page sends to the browser: one per matrix cell. */
export const previewKey = (impact: Impact, urgency: Urgency) => `${impact}×${urgency}`;
