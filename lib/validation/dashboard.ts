import { z } from "zod";
import { storableString } from "./text";
import { idCursor } from "./int4";
import { Priority, Tier } from "@/lib/db/generated/enums";

/** The dashboard's periods: today, the last week, month or year up to now, or a custom range of days. */
export const DASHBOARD_PERIODS = ["today", "7d", "30d", "365d", "custom"] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_DASHBOARD_PERIOD: DashboardPeriod = "30d";
/** A custom range may span at most this many days. */
export const DASHBOARD_MAX_DAYS = 366;

/** The L4 section's figures: engagements started in the period, and those with each outcome (lib/metrics/vendor-targets.sql.ts). */
export const VENDOR_TARGET_METRICS = [
  "vendor-engagements",
  "vendor-no-target",
  "vendor-response-met",
  "vendor-response-missed",
  "vendor-response-pending",
  "vendor-resolution-met",
  "vendor-resolution-missed",
  "vendor-resolution-pending",
  "vendor-ended",
  "vendor-open",
] as const;
export type VendorTargetMetric = (typeof VENDOR_TARGET_METRICS)[number];

/** The figures a drill-down list can show: each is the set of tickets behind one dashboard figure. */
export const DASHBOARD_METRICS = [
  "opened",
  "resolved-l1",
  "first-contact",
  "escalated-l1-l2",
  "escalated-l2-l3",
  "escalated-l3-l4",
  "returned",
  "reopened",
  "resolved",
  "first-response-met",
  "first-response-breached",
  "resolution-met",
  "resolution-breached",
  "update-on-time",
  "update-late",
  "sop-complete",
  "sop-override",
  "backlog",
  "vendor",
  "assigned",
  "group-resolved",
  "group-escalated-in",
  "alerts-raised",
  "alerts-acknowledged",
  ...VENDOR_TARGET_METRICS,
] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

export const AGE_BUCKETS = ["lt1h", "lt4h", "lt1d", "lt3d", "older"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const slug = (what: string) => storableString().max(64, `Unknown ${what}.`).regex(/^[a-z0-9-]+$/, `Unknown ${what}.`);
const day = z.iso.date({ error: "A date (YYYY-MM-DD)." });

const filters = {
  period: optional(z.enum(DASHBOARD_PERIODS, { error: "Choose today, 7d, 30d, 365d or custom." })),
  from: optional(day),
  to: optional(day),
  category: optional(slug("category")),
  org: optional(slug("organization")),
  priority: optional(z.enum(Priority, { error: "Choose P1 to P5." })),
};

/** The dashboard's URL and the metrics API query: a period (custom: from and to, inclusive days, UTC) and filters. */
export const ZDashboardQuery = z.strictObject(filters).superRefine((q, ctx) => {
  if ((q.period ?? (q.from || q.to ? "custom" : undefined)) !== "custom") return;
  if (!q.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day." });
  if (!q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day." });
  if (q.from && q.to) {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day comes on or after the first." });
    if (days > DASHBOARD_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${DASHBOARD_MAX_DAYS} days.` });
  }
});
export type DashboardQuery = z.infer<typeof ZDashboardQuery>;

/** The drill-down list: one figure's tickets for the same period and filters, keyset-paginated. */
export const ZMetricTicketsQuery = z
  .strictObject({
    ...filters,
    metric: z.enum(DASHBOARD_METRICS, { error: "Unknown figure." }),
    tier: optional(z.enum(Tier, { error: "Choose L1 to L4." })),
    age: optional(z.enum(AGE_BUCKETS, { error: "Unknown age bucket." })),
    agent: optional(storableString().max(64, "Unknown agent.").regex(/^[A-Za-z0-9._-]+$/, "Unknown agent.")),
    group: optional(slug("group")),
    /** The last ticket id shown (newest first). */
    cursor: optional(idCursor()),
  })
  .superRefine((q, ctx) => {
    const parsed = ZDashboardQuery.safeParse({ period: q.period, from: q.from, to: q.to });
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (q.metric === "assigned" && !q.agent) ctx.addIssue({ code: "custom", path: ["agent"], message: "Choose an agent." });
    if ((q.metric === "group-resolved" || q.metric === "group-escalated-in") && !q.group) ctx.addIssue({ code: "custom", path: ["group"], message: "Choose a group." });
  });
export type MetricTicketsQuery = z.infer<typeof ZMetricTicketsQuery>;
