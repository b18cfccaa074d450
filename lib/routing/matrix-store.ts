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
    calendar: {
      timeZone: row.calendar.timeZone,
      workdays: row.calendar.workdays,
      opensAtMinute: row.calendar.opensAtMinute,
      closesAtMinute: row.calendar.closesAtMinute,
      holidays: row.calendar.holidays.map((h) => isoDate({ year: h.date.getUTCFullYear(), month: h.date.getUTCMonth() + 1, day: h.date.getUTCDate() })),
    },
  };
}
