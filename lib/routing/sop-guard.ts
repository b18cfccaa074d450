import type { Tier } from "@/lib/db/generated/enums";
import { quoteSteps } from "@/lib/tickets/core/sop-steps";

export const SOP_OVERRIDE_RULE = "escalate.sop-override";

export type SopGuardVerdict =
  | { ok: true; override: string | null }
  | { ok: false; code: "CONFLICT"; message: string; openSteps: string[] };

/**
 * L1 → L2 needs every required SOP step ticked, or an override with its reason. Other moves, and an
 * override given when nothing is open, pass without one (the override is then not recorded).
 */
export function checkSopGuard(fromTier: Tier, openRequired: string[], override: string | undefined): SopGuardVerdict {
  if (fromTier !== "L1" || openRequired.length === 0) return { ok: true, override: null };
  if (override) return { ok: true, override };
  const n = openRequired.length;
  return {
    ok: false,
    code: "CONFLICT",
    message: `Tick the ${n === 1 ? "required SOP step" : `${n} required SOP steps`} before escalating to L2, or override the SOP with a reason: ${quoteSteps(openRequired)} ${n === 1 ? "is" : "are"} still open.`,
    openSteps: openRequired,
  };
}
