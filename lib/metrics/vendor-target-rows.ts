import type { Priority } from "@/lib/db/generated/enums";
import type { EscalationMetrics, VendorTargetRow } from "./escalation-metrics-types";
import { rate } from "./rates";

/** A row of vendorTargetsStatement (vendor-targets.sql.ts). */
export interface VendorTargetSqlRow {
  group: string | null;
  groupName: string | null;
  priority: Priority | null;
  engagements: number;
  noTarget: number;
  responseMet: number;
  responseMissed: number;
  responsePending: number;
  resolutionMet: number;
  resolutionMissed: number;
  resolutionPending: number;
  open: number;
  p50: number | null;
  p90: number | null;
}

const EMPTY: VendorTargetSqlRow = {
  group: null,
  groupName: null,
  priority: null,
  engagements: 0,
  noTarget: 0,
  responseMet: 0,
  responseMissed: 0,
  responsePending: 0,
  resolutionMet: 0,
  resolutionMissed: 0,
  resolutionPending: 0,
  open: 0,
  p50: null,
  p90: null,
};

/** Pure: one statement row as the API shows it (rates of the measured: met + missed). */
export function vendorTargetRow(r: VendorTargetSqlRow): VendorTargetRow {
  return {
    group: r.group === null ? null : { slug: r.group, name: r.groupName ?? r.group },
    priority: r.priority,
    engagements: r.engagements,
    noTarget: r.noTarget,
    response: { met: r.responseMet, missed: r.responseMissed, pending: r.responsePending, rate: rate(r.responseMet, r.responseMet + r.responseMissed) },
    resolution: { met: r.resolutionMet, missed: r.resolutionMissed, pending: r.resolutionPending, rate: rate(r.resolutionMet, r.resolutionMet + r.resolutionMissed) },
    timeAtVendor: { ended: r.engagements - r.open, open: r.open, p50: r.p50, p90: r.p90 },
  };
}

/** Pure: the statement's rows (per group and priority, then the total row, if any engagement started). */
export function vendorTargetFigures(rows: VendorTargetSqlRow[]): EscalationMetrics["vendorTargets"] {
  return {
    rows: rows.filter((r) => r.group !== null).map(vendorTargetRow),
    total: vendorTargetRow(rows.find((r) => r.group === null) ?? EMPTY),
  };
}
