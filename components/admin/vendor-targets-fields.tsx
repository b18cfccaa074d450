"use client";

import { INPUT_CLASS } from "@/components/ui/field";
import type { VendorTargetView } from "@/lib/admin/list-support-groups";
import type { Priority } from "@/lib/db/generated/enums";

const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4", "P5"];

/** One row per priority as edited: off means the group has no target for it (nothing is measured). */
export interface VendorTargetRow {
  priority: Priority;
  on: boolean;
  responseMinutes: string;
  resolutionMinutes: string;
  calendar: string;
}

export function vendorTargetRows(targets: VendorTargetView[]): VendorTargetRow[] {
  return PRIORITIES.map((priority) => {
    const t = targets.find((x) => x.priority === priority);
    return { priority, on: Boolean(t), responseMinutes: String(t?.responseMinutes ?? ""), resolutionMinutes: String(t?.resolutionMinutes ?? ""), calendar: t?.calendar ?? "24x7" };
  });
}

/** The rows that are on, as the API takes them (minutes as numbers; a blank stays a blank for the server to name). */
export function vendorTargetsInput(rows: VendorTargetRow[]) {
  return rows.filter((r) => r.on).map((r) => ({ priority: r.priority, responseMinutes: toNumber(r.responseMinutes), resolutionMinutes: toNumber(r.resolutionMinutes), calendar: r.calendar }));
}

const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));

/**
 * An L4 group's underpinning contract: per priority, how soon the vendor must respond and resolve, on which
 * calendar (its support hours, or 24×7). Errors come back per submitted target ("vendorTargets.0.responseMinutes").
 */
export function VendorTargetsFields({
  idPrefix,
  rows,
  calendars,
  errors,
  onChange,
}: {
  idPrefix: string;
  rows: VendorTargetRow[];
  calendars: { slug: string; name: string }[];
  errors: Record<string, string[]>;
  onChange: (rows: VendorTargetRow[]) => void;
}) {
  const submitted = rows.filter((r) => r.on).map((r) => r.priority);
  const errorsOf = (priority: Priority) => {
    const index = submitted.indexOf(priority);
    return index < 0 ? [] : Object.entries(errors).flatMap(([key, messages]) => (key.startsWith(`vendorTargets.${index}.`) || key === `vendorTargets.${index}` ? messages : []));
  };
  const set = (priority: Priority, change: Partial<VendorTargetRow>) => onChange(rows.map((r) => (r.priority === priority ? { ...r, ...change } : r)));
  return (
    <fieldset className="min-w-0 text-sm">
      <legend className="font-medium text-slate-800">Vendor targets (minutes)</legend>
      <p className="mb-2 text-xs text-slate-600">Counted from the hand-off on the calendar chosen; a hand-off keeps the targets it started with.</p>
      {errors.vendorTargets && <p className="text-red-700">{errors.vendorTargets.join(" ")}</p>}
      <div className="space-y-2">
        {rows.map((r) => {
          const id = `${idPrefix}-vendor-${r.priority}`;
          const rowErrors = errorsOf(r.priority);
          return (
            <div key={r.priority} className="grid min-w-0 grid-cols-2 items-end gap-2 sm:grid-cols-[5rem_1fr_1fr_1.5fr]">
              <label className="col-span-2 inline-flex items-center gap-1 sm:col-span-1">
                <input type="checkbox" checked={r.on} onChange={(e) => set(r.priority, { on: e.target.checked })} />
                {r.priority}
              </label>
              <label className="min-w-0">
                <span className="block text-xs text-slate-700">Response</span>
                <input id={`${id}-response`} type="number" min={1} inputMode="numeric" disabled={!r.on} value={r.responseMinutes} onChange={(e) => set(r.priority, { responseMinutes: e.target.value })} className={INPUT_CLASS} aria-invalid={rowErrors.length > 0} aria-label={`${r.priority} response minutes`} />
              </label>
              <label className="min-w-0">
                <span className="block text-xs text-slate-700">Resolution</span>
                <input id={`${id}-resolution`} type="number" min={1} inputMode="numeric" disabled={!r.on} value={r.resolutionMinutes} onChange={(e) => set(r.priority, { resolutionMinutes: e.target.value })} className={INPUT_CLASS} aria-invalid={rowErrors.length > 0} aria-label={`${r.priority} resolution minutes`} />
              </label>
              <label className="col-span-2 min-w-0 sm:col-span-1">
                <span className="block text-xs text-slate-700">Calendar</span>
                <select id={`${id}-calendar`} disabled={!r.on} value={r.calendar} onChange={(e) => set(r.priority, { calendar: e.target.value })} className={INPUT_CLASS} aria-label={`${r.priority} calendar`}>
                  {calendars.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              {rowErrors.length > 0 && <p className="col-span-full text-red-700">{rowErrors.join(" ")}</p>}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
