"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";
import { IMPACTS, LEVEL_LABEL, PRIORITIES, URGENCIES } from "./matrix-labels";

export interface CellValue {
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
}

/** The 3×3 grid: impact rows × urgency columns, each cell a priority. Cells that differ from the current version are marked. */
export function MatrixGridEditor({
  cells,
  currentCells,
  readOnly,
  onChange,
}: {
  cells: CellValue[];
  currentCells: CellValue[];
  readOnly: boolean;
  onChange: (impact: Impact, urgency: Urgency, priority: Priority) => void;
}) {
  const find = (list: CellValue[], impact: Impact, urgency: Urgency) => list.find((c) => c.impact === impact && c.urgency === urgency)?.priority;
  return (
    <TableScroll label="Priority matrix">
    <table className="border-collapse text-sm">
      <caption className="mb-2 text-left text-slate-700">Rows: impact. Columns: urgency.</caption>
      <thead>
        <tr>
          <th scope="col" className="p-2 text-left">Impact \ Urgency</th>
          {URGENCIES.map((u) => (
            <th key={u} scope="col" className="p-2 text-left">
              {LEVEL_LABEL[u]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {IMPACTS.map((impact) => (
          <tr key={impact}>
            <th scope="row" className="p-2 text-left">
              {LEVEL_LABEL[impact]}
            </th>
            {URGENCIES.map((urgency) => {
              const value = find(cells, impact, urgency);
              const changed = value !== find(currentCells, impact, urgency);
              const id = `cell-${impact}-${urgency}`;
              return (
                <td key={urgency} className={`p-2 ${changed ? "bg-amber-50" : ""}`}>
                  <label htmlFor={id} className="sr-only">
                    Impact {LEVEL_LABEL[impact]}, urgency {LEVEL_LABEL[urgency]}
                  </label>
                  <select
                    id={id}
                    value={value}
                    disabled={readOnly}
                    onChange={(e) => onChange(impact, urgency, e.target.value as Priority)}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  >
                    {PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                  {changed && <span className="ml-1 text-xs text-amber-900">changed</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
