import type { Transaction } from "@/lib/db/client";
import type { CalendarData } from "./business-hours";
import { isoDate } from "./business-hours";
import type { MatrixData } from "./matrix";
import type { SlaTargetData } from "./sla";

export interface CurrentMatrix {
  id: string;
  matrix: MatrixData;
  targets: SlaTargetData[];
  calendar: CalendarData;
}

/** The newest published matrix version with its targets and calendar, as plain data for the pure rules. */
export async function loadCurrentMatrix(tx: Transaction): Promise<CurrentMatrix> {
  const row = await tx.priorityMatrixVersion.findFirst({
    orderBy: { version: "desc" },
    include: { cells: true, targets: true, calendar: { include: { holidays: true } } },
  });
  if (!row) throw new Error("No priority matrix is published: run `npm run db:seed` or publish one in /admin.");
  return {
    id: row.id,
    matrix: { version: row.version, cells: row.cells },
    targets: row.targets,
    calendar: calendarData(row.calendar),
  };
}

export function calendarData(calendar: {
  timeZone: string;
  workdays: number[];
  opensAtMinute: number;
  closesAtMinute: number;
  holidays: { date: Date }[];
}): CalendarData {
  return {
    timeZone: calendar.timeZone,
    workdays: calendar.workdays,
    opensAtMinute: calendar.opensAtMinute,
    closesAtMinute: calendar.closesAtMinute,
    holidays: calendar.holidays.map((h) => isoDate({ year: h.date.getUTCFullYear(), month: h.date.getUTCMonth() + 1, day: h.date.getUTCDate() })),
  };
}
