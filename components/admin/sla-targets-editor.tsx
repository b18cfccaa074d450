"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import type { PriorityMatrixInput } from "@/lib/validation/routing";

export type TargetValue = PriorityMatrixInput["targets"][number];

type MinuteField = "firstResponseMinutes" | "resolutionMinutes" | "updateEveryMinutes" | "L1" | "L2" | "L3";

const COLUMNS: { field: MinuteField; label: string }[] = [
  { field: "firstResponseMinutes", label: "First response" },
  { field: "resolutionMinutes", label: "Resolution" },
  { field: "updateEveryMinutes", label: "Update every" },
  { field: "L1", label: "L1 budget" },
  { field: "L2", label: "L2 budget" },
  { field: "L3", label: "L3 budget" },
];

const valueOf = (t: TargetValue, field: MinuteField) => (field === "L1" || field === "L2" || field === "L3" ? t.tierBudgetMinutes[field] : t[field]);
const errorKey = (index: number, field: MinuteField) => (field.startsWith("L") ? `targets.${index}.tierBudgetMinutes.${field}` : `targets.${index}.${field}`);

/** The SLA targets table: minutes per priority and whether the clock runs on business hours. */
export function SlaTargetsEditor({
  targets,
  readOnly,
  fieldErrors,
  onChange,
}: {
  targets: TargetValue[];
  readOnly: boolean;
  fieldErrors: Record<string, string[]>;
  onChange: (index: number, target: TargetValue) => void;
}) {
  function set(index: number, field: MinuteField, raw: string) {
    const t = targets[index]!;
    const minutes = raw === "" ? Number.NaN : Number(raw);
    if (field === "L1" || field === "L2" || field === "L3") onChange(index, { ...t, tierBudgetMinutes: { ...t.tierBudgetMinutes, [field]: minutes } });
    else onChange(index, { ...t, [field]: minutes });
  }
  return (
    <TableScroll label="SLA targets">
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left text-slate-700">SLA targets, in minutes on the priority&apos;s clock.</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th scope="col" className="p-2">Priority</th>
          {COLUMNS.map((c) => (
            <th key={c.field} scope="col" className="p-2">
              {c.label}
            </th>
          ))}
          <th scope="col" className="p-2">Business hours</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t, index) => (
          <tr key={t.priority} className="border-b border-slate-100 align-top">
            <th scope="row" className="p-2 text-left">
              {t.priority}
            </th>
            {COLUMNS.map((c) => {
              const id = `target-${t.priority}-${c.field}`;
              const errors = fieldErrors[errorKey(index, c.field)];
              return (
                <td key={c.field} className="p-2">
                  <label htmlFor={id} className="sr-only">
                    {t.priority} {c.label} (minutes)
                  </label>
                  <input
                    id={id}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    value={Number.isNaN(valueOf(t, c.field)) ? "" : valueOf(t, c.field)}
                    disabled={readOnly}
                    onChange={(e) => set(index, c.field, e.target.value)}
                    aria-invalid={Boolean(errors)}
                    aria-describedby={errors ? `${id}-error` : undefined}
                    className="w-24 rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
                  />
                  {errors && (
                    <p id={`${id}-error`} className="mt-1 max-w-40 text-xs text-red-700">
                      {errors.join(" ")}
                    </p>
                  )}
                </td>
              );
            })}
            <td className="p-2">
              <label className="inline-flex items-center gap-1">
                <input type="checkbox" checked={t.businessHours} disabled={readOnly} onChange={(e) => onChange(index, { ...t, businessHours: e.target.checked })} />
                <span className="sr-only">{t.priority} on business hours</span>
                <span aria-hidden="true">{t.businessHours ? "yes" : "24×7"}</span>
              </label>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
