import type { DashboardMetric } from "@/lib/validation/dashboard";

/** What each drill-down list shows, in words. */
export const METRIC_LABEL: Record<DashboardMetric, string> = {
  opened: "Tickets opened",
  "resolved-l1": "Resolved at L1",
  "first-contact": "Resolved at first contact (L1, never escalated or reopened)",
  "escalated-l1-l2": "Escalated L1→L2",
  "escalated-l2-l3": "Escalated L2→L3",
  "escalated-l3-l4": "Escalated L3→L4",
  returned: "Returned down a tier",
  reopened: "Reopened",
  resolved: "Resolved at least once",
  "first-response-met": "First response on time",
  "first-response-breached": "First response breached",
  "resolution-met": "Resolved on time",
  "resolution-breached": "Resolution breached",
  "update-on-time": "Customer updates on time",
  "update-late": "Customer update missed",
  "sop-complete": "Escalated L1→L2 with every required SOP step done",
  "sop-override": "Escalated L1→L2 overriding the SOP",
  backlog: "Open now (backlog)",
  vendor: "Waiting on L4 now",
  assigned: "Open tickets of an agent",
  "group-resolved": "Resolved by a group",
  "group-escalated-in": "Escalated into a group",
  "alerts-raised": "Tickets with an alert raised (needing a person)",
  "alerts-acknowledged": "Tickets with an alert raised and acknowledged",
};
