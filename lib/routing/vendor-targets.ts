// Vendor targets at L4: an L4 group's underpinning contract says how soon its vendor (or engineering team)
// must respond to a handed-off ticket and resolve it, per priority, on the target's calendar (the vendor's
// support hours, or 24×7). Each stint with an L4 group is one engagement whose due times are fixed when it
// begins; the sweep alerts at 75 % and 100 % of each, once. A response stops the response thresholds.
import type { Priority } from "@/lib/db/generated/enums";
import { addBusinessMinutes, type CalendarData } from "@/lib/calendar/business-hours";

export interface VendorTargetData {
  priority: Priority;
  responseMinutes: number;
  resolutionMinutes: number;
  calendar: CalendarData;
}

export interface VendorDueTimes {
  responseWarnAt: Date | null;
  responseDueAt: Date | null;
  resolutionWarnAt: Date | null;
  resolutionDueAt: Date | null;
}

export const VENDOR_WARNING_RATIO = 0.75;

/** The alert thresholds as bits of an engagement's `alertsSent`, and the rule each alert's event carries. */
export const VENDOR_ALERTS = [
  { bit: 1, rule: "vendor.response-75", at: "responseWarnAt", target: "response", percent: 75 },
  { bit: 2, rule: "vendor.response-100", at: "responseDueAt", target: "response", percent: 100 },
  { bit: 4, rule: "vendor.resolution-75", at: "resolutionWarnAt", target: "resolution", percent: 75 },
  { bit: 8, rule: "vendor.resolution-100", at: "resolutionDueAt", target: "resolution", percent: 100 },
] as const satisfies readonly { bit: number; rule: string; at: keyof VendorDueTimes; target: "response" | "resolution"; percent: 75 | 100 }[];

const NO_TARGET: VendorDueTimes = { responseWarnAt: null, responseDueAt: null, resolutionWarnAt: null, resolutionDueAt: null };

/** Due times of an engagement that began at `startedAt`; all null when the group has no target for the priority. */
export function vendorDueTimes(startedAt: Date, target: VendorTargetData | null): VendorDueTimes {
  if (!target) return NO_TARGET;
  const after = (minutes: number) => addBusinessMinutes(startedAt, minutes, target.calendar);
  return {
    responseWarnAt: after(target.responseMinutes * VENDOR_WARNING_RATIO),
    responseDueAt: after(target.responseMinutes),
    resolutionWarnAt: after(target.resolutionMinutes * VENDOR_WARNING_RATIO),
    resolutionDueAt: after(target.resolutionMinutes),
  };
}

/**
 * The next threshold still to alert on: the earliest due time whose alert was not sent (response thresholds
 * only while the vendor has not responded). Twin of `nextVendorAlertAtSql` (vendor-targets.sql.ts).
 */
export function nextVendorAlertAt(due: VendorDueTimes, alertsSent: number, respondedAt: Date | null): Date | null {
  let next: Date | null = null;
  for (const alert of VENDOR_ALERTS) {
    const at = due[alert.at];
    if (!at || alertsSent & alert.bit || (alert.target === "response" && respondedAt)) continue;
    if (!next || at < next) next = at;
  }
  return next;
}

/** Was the target met: the response (or resolution) came by its due time; null while pending or with no target. */
export function metTarget(dueAt: Date | null, happenedAt: Date | null): boolean | null {
  if (!dueAt || !happenedAt) return null;
  return happenedAt.getTime() <= dueAt.getTime();
}

/** An instant as the decision log writes it: "2026-03-02 08:30 UTC". */
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The engagement's due times in the decision log's words. */
export function vendorDueSentence(due: VendorDueTimes & { calendarLabel: string | null }): string {
  if (!due.responseDueAt || !due.resolutionDueAt) return "no vendor target for this priority, so none is measured";
  return `vendor response due ${utcMinute(due.responseDueAt)}, resolution due ${utcMinute(due.resolutionDueAt)}${due.calendarLabel ? ` (${due.calendarLabel})` : ""}`;
}
