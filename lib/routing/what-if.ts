// What-if: every ticket of a period replayed twice (`replayTicket`), on the current rules and on a draft,
// and summed side by side as it streams past: priority mix, breaches of each kind per priority,
// escalations per tier (automatic and all), open tickets per tier at the end of each day, and the
// tickets whose outcome differs. Plain data: the batches come from the store, the sums stay here.
import type { Impact, Priority, Tier, Urgency } from "@/lib/db/generated/enums";
import { classify, type MatrixData } from "./matrix";
import { replayTicket, type EscalationPair, type Outcome, type ReplayHistory, type ReplayOutcome, type ReplayRules } from "./replay";
import { findTarget, type SlaTargetData } from "./sla";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { VendorTargetData } from "./vendor-targets";

const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4", "P5"];
const TIERS: Tier[] = ["L1", "L2", "L3", "L4"];
const DAY = 86_400_000;
/** Changed tickets listed for drill-down; the count covers them all. */
export const CHANGED_TICKETS_LISTED = 500;

export interface Breaches {
  firstResponse: number;
  resolution: number;
  /** Customer updates that fell due unanswered. */
  update: number;
  /** L4 stints whose vendor target was missed: response, resolution. */
  vendorResponse: number;
  vendorResolution: number;
}

export interface ReplaySummary {
  tickets: number;
  priorityMix: Record<Priority, number>;
  breaches: Breaches & { byPriority: Record<Priority, Breaches> };
  /** Tier moves up as they happen in the replay: by the budget sweep and by hand. */
  escalations: Record<EscalationPair, number>;
  /** Of those, the budget sweep's. */
  automaticEscalations: { L1L2: number; L2L3: number };
  /** The period's tickets open at each tier at the end of each day (UTC): peak, mean, and the series. */
  load: Record<Tier, { peak: number; mean: number; series: number[] }>;
}

export interface TicketOutcome {
  priority: Priority;
  firstResponse: Outcome;
  resolution: Outcome;
  escalations: number;
}

export interface ChangedTicket {
  number: string;
  current: TicketOutcome;
  draft: TicketOutcome;
}

export interface WhatIfComparison {
  current: ReplaySummary;
  draft: ReplaySummary;
  /** Tickets whose priority would differ on the draft. */
  reclassified: number;
  /** Tickets whose priority, breaches or escalations would differ; the first 500 are listed. */
  changed: number;
  changedTickets: ChangedTicket[];
  /** The day-end instants the load series sample (ISO). */
  loadDays: string[];
}

/** The calendars as stored: each by its slug, and which slug each use names (organizations by id, groups by slug). */
export interface ReplaySetting {
  calendars: Map<string, CalendarData>;
  /** The matrix version's calendar: the customer clock's without an organization's, a tier budget's without a group's. */
  fallback: string;
  organizations: Map<string, string>;
  groups: Map<string, string>;
  vendorTargets: Map<string, Map<Priority, Omit<VendorTargetData, "calendar"> & { calendar: string }>>;
}

/**
 * The setting's calendars as the replay takes them, with `drafts` (by slug) in place of the stored hours: one
 * object per calendar, so the business-hours arithmetic prepares each once.
 */
export function settingCalendars(setting: ReplaySetting, drafts: Map<string, CalendarData> = new Map()) {
  const of = (slug: string) => drafts.get(slug) ?? setting.calendars.get(slug)!;
  const resolve = (uses: Map<string, string>) => new Map([...uses].map(([key, slug]) => [key, of(slug)]));
  return {
    calendars: { fallback: of(setting.fallback), organizations: resolve(setting.organizations), groups: resolve(setting.groups) },
    vendorTargets: new Map(
      [...setting.vendorTargets].map(([group, targets]) => [group, new Map([...targets].map(([priority, t]) => [priority, { ...t, calendar: of(t.calendar) }]))]),
    ),
  };
}

/** The rules of one side: a matrix and its targets, on the calendars (organization's, group's, else the default). */
export function replayRules(
  matrix: MatrixData,
  targets: SlaTargetData[],
  calendars: { fallback: CalendarData; organizations: Map<string, CalendarData>; groups: Map<string, CalendarData> },
  /** Per L4 group (by slug), its targets per priority. */
  vendorTargets: Map<string, Map<Priority, VendorTargetData>> = new Map(),
): ReplayRules {
  const priorities = new Map(matrix.cells.map((c) => [`${c.impact}×${c.urgency}`, c.priority]));
  const byPriority = new Map(PRIORITIES.map((p) => [p, findTarget(targets, p)]));
  return {
    priorityOf: (impact, urgency) => priorities.get(`${impact}×${urgency}`) ?? classify(matrix, impact, urgency).priority,
    target: (priority) => byPriority.get(priority)!,
    customerCalendar: (organizationId) => (organizationId && calendars.organizations.get(organizationId)) || calendars.fallback,
    groupCalendar: (slug) => calendars.groups.get(slug) ?? calendars.fallback,
    vendorTarget: (slug, priority) => vendorTargets.get(slug)?.get(priority) ?? null,
  };
}

class SideSum {
  readonly summary: ReplaySummary;
  private readonly loadDiff: Record<Tier, Int32Array>;

  constructor(
    private readonly start: number,
    private readonly samples: number,
  ) {
    const perPriority = () => Object.fromEntries(PRIORITIES.map((p) => [p, { firstResponse: 0, resolution: 0, update: 0, vendorResponse: 0, vendorResolution: 0 }])) as Record<Priority, Breaches>;
    this.summary = {
      tickets: 0,
      priorityMix: Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>,
      breaches: { firstResponse: 0, resolution: 0, update: 0, vendorResponse: 0, vendorResolution: 0, byPriority: perPriority() },
      escalations: { L1L2: 0, L2L3: 0, L3L4: 0 },
      automaticEscalations: { L1L2: 0, L2L3: 0 },
      load: Object.fromEntries(TIERS.map((t) => [t, { peak: 0, mean: 0, series: [] }])) as unknown as ReplaySummary["load"],
    };
    this.loadDiff = Object.fromEntries(TIERS.map((t) => [t, new Int32Array(samples + 1)])) as Record<Tier, Int32Array>;
  }

  add(o: ReplayOutcome) {
    const s = this.summary;
    s.tickets += 1;
    s.priorityMix[o.priority] += 1;
    const mine = s.breaches.byPriority[o.priority];
    const count = (kind: keyof Breaches, n: number) => {
      s.breaches[kind] += n;
      mine[kind] += n;
    };
    count("firstResponse", o.firstResponse === "breached" ? 1 : 0);
    count("resolution", o.resolution === "breached" ? 1 : 0);
    count("update", o.updatesLate);
    count("vendorResponse", o.vendor.response);
    count("vendorResolution", o.vendor.resolution);
    for (const pair of ["L1L2", "L2L3", "L3L4"] as const) s.escalations[pair] += o.escalations[pair];
    s.automaticEscalations.L1L2 += o.automatic.L1L2;
    s.automaticEscalations.L2L3 += o.automatic.L2L3;
    // Sample k is the end of day k: a span counts where from <= sample < to.
    for (const span of o.spans) {
      const first = Math.max(0, Math.ceil((span.from.getTime() - this.start) / DAY) - 1);
      const last = span.to === null ? this.samples - 1 : Math.min(this.samples - 1, Math.ceil((span.to.getTime() - this.start) / DAY) - 2);
      if (first > last) continue;
      const diff = this.loadDiff[span.tier];
      diff[first]! += 1;
      diff[last + 1]! -= 1;
    }
  }

  finish(): ReplaySummary {
    for (const tier of TIERS) {
      let open = 0;
      const series: number[] = [];
      const diff = this.loadDiff[tier];
      for (let k = 0; k < this.samples; k++) series.push((open += diff[k]!));
      const peak = series.reduce((a, b) => Math.max(a, b), 0);
      const mean = series.length ? Math.round((series.reduce((a, b) => a + b, 0) / series.length) * 10) / 10 : 0;
      this.summary.load[tier] = { peak, mean, series };
    }
    return this.summary;
  }
}

const outcomeOf = (o: ReplayOutcome): TicketOutcome => ({
  priority: o.priority,
  firstResponse: o.firstResponse,
  resolution: o.resolution,
  escalations: o.escalations.L1L2 + o.escalations.L2L3 + o.escalations.L3L4,
});

const sameTarget = (a: SlaTargetData, b: SlaTargetData) =>
  a.firstResponseMinutes === b.firstResponseMinutes &&
  a.resolutionMinutes === b.resolutionMinutes &&
  a.updateEveryMinutes === b.updateEveryMinutes &&
  a.l1BudgetMinutes === b.l1BudgetMinutes &&
  a.l2BudgetMinutes === b.l2BudgetMinutes &&
  a.l3BudgetMinutes === b.l3BudgetMinutes &&
  a.clock === b.clock;

const differs = (a: TicketOutcome, b: TicketOutcome) =>
  a.priority !== b.priority || a.firstResponse !== b.firstResponse || a.resolution !== b.resolution || a.escalations !== b.escalations;

/** Sums both sides over batches of tickets created in [from, to), as seen at `now`. */
export class WhatIfReplay {
  private readonly current: SideSum;
  private readonly draft: SideSum;
  private readonly days: string[] = [];
  private reclassified = 0;
  private changed = 0;
  private readonly changedTickets: ChangedTicket[] = [];

  /** `sameCalendars`: the draft keeps every calendar as it is (it changes only the matrix and targets). */
  constructor(
    private readonly rules: { current: ReplayRules; draft: ReplayRules },
    from: Date,
    to: Date,
    private readonly now: Date,
    private readonly sameCalendars = true,
  ) {
    const lastSample = Math.min(to.getTime(), now.getTime());
    for (let at = from.getTime() + DAY; at <= lastSample; at += DAY) this.days.push(new Date(at).toISOString());
    this.current = new SideSum(from.getTime(), this.days.length);
    this.draft = new SideSum(from.getTime(), this.days.length);
  }

  add(batch: ReplayHistory[]) {
    for (const history of batch) {
      const before = replayTicket(history, this.rules.current, this.now);
      // Calendars are the same on both sides: where the draft gives the same priorities and those the same
      // targets, the replay would only repeat itself.
      const after = this.sameCalendars && this.draftDecidesAlike(history) ? before : replayTicket(history, this.rules.draft, this.now);
      this.current.add(before);
      this.draft.add(after);
      if (before.priority !== after.priority) this.reclassified += 1;
      const a = outcomeOf(before);
      const b = outcomeOf(after);
      if (differs(a, b)) {
        this.changed += 1;
        if (this.changedTickets.length < CHANGED_TICKETS_LISTED) this.changedTickets.push({ number: history.number, current: a, draft: b });
      }
    }
  }

  private readonly sameTarget = new Map<Priority, boolean>();

  private draftDecidesAlike(history: ReplayHistory): boolean {
    const { current, draft } = this.rules;
    const alike = (impact: Impact, urgency: Urgency) => {
      const priority = current.priorityOf(impact, urgency);
      if (draft.priorityOf(impact, urgency) !== priority) return false;
      let same = this.sameTarget.get(priority);
      if (same === undefined) this.sameTarget.set(priority, (same = sameTarget(current.target(priority), draft.target(priority))));
      return same;
    };
    if (!alike(history.impact, history.urgency)) return false;
    for (const step of history.steps) if (step.kind === "reclassify" && !alike(step.impact, step.urgency)) return false;
    return true;
  }

  finish(): WhatIfComparison {
    return {
      current: this.current.finish(),
      draft: this.draft.finish(),
      reclassified: this.reclassified,
      changed: this.changed,
      changedTickets: this.changedTickets,
      loadDays: this.days,
    };
  }
}
