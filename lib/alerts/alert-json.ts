import { alertRuleLabel } from "@/lib/labels";

/** An alert as the API and the dashboard show it: JSON-safe, staff only. */
export interface AlertJson {
  id: number;
  rule: string;
  /** The rule in words ("Resolution target breached"). */
  label: string;
  /** The decision log's sentence that raised it. */
  reason: string;
  raisedAt: string;
  ticket: { number: string; title: string };
  acknowledgedAt: string | null;
  acknowledgedBy: { userId: string; name: string } | null;
  note: string | null;
}

export const ALERT_SELECT = {
  id: true,
  rule: true,
  reason: true,
  raisedAt: true,
  acknowledgedAt: true,
  note: true,
  ticket: { select: { number: true, title: true } },
  acknowledgedBy: { select: { userId: true, name: true } },
} as const;

export function toAlertJson(a: {
  id: number;
  rule: string;
  reason: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  note: string | null;
  ticket: { number: string; title: string };
  acknowledgedBy: { userId: string; name: string } | null;
}): AlertJson {
  return {
    id: a.id,
    rule: a.rule,
    label: alertRuleLabel(a.rule),
    reason: a.reason,
    raisedAt: a.raisedAt.toISOString(),
    ticket: { number: a.ticket.number, title: a.ticket.title },
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
    note: a.note,
  };
}
