import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { SEVERITIES, ZSeverityMap, type SeverityMap } from "@/lib/validation/integration";

/** critical → HIGH/HIGH, warning → MEDIUM/MEDIUM, info → LOW/LOW unless the integration says otherwise. */
export const DEFAULT_SEVERITY_MAP: SeverityMap = {
  critical: { impact: "HIGH", urgency: "HIGH" },
  warning: { impact: "MEDIUM", urgency: "MEDIUM" },
  info: { impact: "LOW", urgency: "LOW" },
};

/** The stored map (JSON) as a map; anything unreadable falls back to the defaults rather than failing intake. */
export function severityMapOf(stored: unknown): SeverityMap {
  const parsed = ZSeverityMap.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SEVERITY_MAP;
}

/**
 * Impact and urgency for an alert's `severity` label: the map's entry (any case), or none for a severity the
 * map does not name (then intake takes the category's defaults, and the decision log says so).
 */
export function severityHints(map: SeverityMap, severity: string | undefined): { impact?: Impact; urgency?: Urgency } {
  const key = severity?.trim().toLowerCase();
  const level = SEVERITIES.find((s) => s === key);
  return level ? { ...map[level] } : {};
}
