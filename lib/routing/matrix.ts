import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";

export interface MatrixCellData {
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
}

export interface MatrixData {
  version: number;
  cells: MatrixCellData[];
}

export interface Classification {
  priority: Priority;
  matrixVersion: number;
  cell: { impact: Impact; urgency: Urgency };
}

/** priority = the matrix's cell for (impact, urgency). A matrix without that cell is a configuration error. */
export function classify(matrix: MatrixData, impact: Impact, urgency: Urgency): Classification {
  const cell = matrix.cells.find((c) => c.impact === impact && c.urgency === urgency);
  if (!cell) throw new Error(`Priority matrix v${matrix.version} has no cell for impact ${impact} × urgency ${urgency}.`);
  return { priority: cell.priority, matrixVersion: matrix.version, cell: { impact, urgency } };
}
