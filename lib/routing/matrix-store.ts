import type { Transaction } from "@/lib/db/client";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { MatrixData } from "./matrix";
import type { SlaTargetData } from "./sla";
import { CURRENT_MATRIX_JSON } from "./current-matrix.sql";

export interface CurrentMatrix {
  id: string;
  matrix: MatrixData;
  targets: SlaTargetData[];
  calendar: CalendarData;
}

export function requirePublishedMatrix(matrix: CurrentMatrix | null): CurrentMatrix {
  if (!matrix) throw new Error("No priority matrix is published: run `npm run db:seed` or publish one in /admin.");
  return matrix;
}

/** The newest published matrix version with its targets and calendar, as plain data for the pure rules. */
export async function loadCurrentMatrix(tx: Transaction): Promise<CurrentMatrix> {
  const [row] = await tx.$queryRaw<[{ current: CurrentMatrix | null }]>`SELECT ${CURRENT_MATRIX_JSON} AS current`;
  return requirePublishedMatrix(row.current);
}
