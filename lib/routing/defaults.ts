import { Impact, Urgency, type Priority } from "@/lib/db/generated/enums";
import type { DailyHoursCalendar } from "@/lib/calendar/business-hours";
import type { MatrixCellData } from "./matrix";
import type { SlaTargetData } from "./sla";

/** The matrix a new installation starts with: impact rows × urgency columns. */
export const DEFAULT_MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  HIGH: { HIGH: "P1", MEDIUM: "P2", LOW: "P3" },
  MEDIUM: { HIGH: "P2", MEDIUM: "P3", LOW: "P4" },
  LOW: { HIGH: "P3", MEDIUM: "P4", LOW: "P5" },
};

export const DEFAULT_MATRIX_CELLS: MatrixCellData[] = Object.values(Impact).flatMap((impact) =>
  Object.values(Urgency).map((urgency) => ({ impact, urgency, priority: DEFAULT_MATRIX[impact][urgency] })),
);

const h = (hours: number) => hours * 60;

export const DEFAULT_SLA_TARGETS: SlaTargetData[] = [
  { priority: "P1", firstResponseMinutes: 15, resolutionMinutes: h(4), updateEveryMinutes: 30, l1BudgetMinutes: 15, l2BudgetMinutes: 60, l3BudgetMinutes: 120, clock: "ALWAYS" },
  { priority: "P2", firstResponseMinutes: 30, resolutionMinutes: h(8), updateEveryMinutes: 60, l1BudgetMinutes: 30, l2BudgetMinutes: 120, l3BudgetMinutes: 240, clock: "ALWAYS" },
  { priority: "P3", firstResponseMinutes: h(2), resolutionMinutes: h(16), updateEveryMinutes: h(4), l1BudgetMinutes: h(4), l2BudgetMinutes: h(8), l3BudgetMinutes: h(16), clock: "BUSINESS_HOURS" },
  { priority: "P4", firstResponseMinutes: h(8), resolutionMinutes: h(40), updateEveryMinutes: h(8), l1BudgetMinutes: h(8), l2BudgetMinutes: h(16), l3BudgetMinutes: h(24), clock: "BUSINESS_HOURS" },
  { priority: "P5", firstResponseMinutes: h(16), resolutionMinutes: h(80), updateEveryMinutes: h(16), l1BudgetMinutes: h(16), l2BudgetMinutes: h(24), l3BudgetMinutes: h(40), clock: "BUSINESS_HOURS" },
];

/** Mon–Fri 08:00–18:00. */
export const DEFAULT_CALENDAR: DailyHoursCalendar = {
  timeZone: "UTC",
  workdays: [1, 2, 3, 4, 5],
  opensAtMinute: 8 * 60,
  closesAtMinute: 18 * 60,
  holidays: [],
};
