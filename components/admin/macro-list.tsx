"use client";

import { STATUS_LABEL, VISIBILITY_LABEL } from "@/lib/labels";
import type { TicketStatus } from "@/lib/db/generated/enums";
import type { MacroJson } from "@/lib/macros/macro-json";
import type { ActionOutcome } from "@/lib/http/run-action";
import { MacroEditor } from "./macro-editor";

type Save = (input: unknown) => Promise<ActionOutcome<unknown>>;

/** The macros, one line each (title, category, how it is sent, status it sets, uses); a line opens its editor. */
export function MacroList({
  macros,
  categories,
  statuses,
  placeholders,
  canWrite,
  onCreate,
  onUpdate,
  onDelete,
}: {
  macros: MacroJson[];
  categories: { slug: string; name: string }[];
  statuses: TicketStatus[];
  placeholders: string[];
  canWrite: boolean;
  onCreate: Save;
  onUpdate: (id: number, input: unknown) => Promise<ActionOutcome<unknown>>;
  onDelete: (id: number) => Promise<ActionOutcome<unknown>>;
}) {
  const shared = { categories, statuses, placeholders, canWrite };
  return (
    <div className="space-y-3">
      {canWrite && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold text-indigo-800">New macro</summary>
          <div className="mt-3">
            <MacroEditor {...shared} onSave={onCreate} />
          </div>
        </details>
      )}
      {macros.length === 0 && <p className="text-sm text-slate-700">No macros yet.</p>}
      <ul aria-label="Macros" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {macros.map((m) => (
          <li key={m.id}>
            <details className="group px-4 py-2">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="min-w-0 flex-1 basis-64 font-medium wrap-anywhere text-slate-900">{m.title}</span>
                <span className="text-sm text-slate-700">{m.category?.name ?? "All categories"}</span>
                <span className={`rounded px-1.5 text-xs ${m.visibility === "INTERNAL" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}>{VISIBILITY_LABEL[m.visibility]}</span>
                {m.setStatus && <span className="text-xs text-slate-700">sets {STATUS_LABEL[m.setStatus]}</span>}
                <span className="text-sm text-slate-900 tabular-nums" data-usage={m.id}>
                  {m.usageCount.toLocaleString("en")} {m.usageCount === 1 ? "use" : "uses"}
                </span>
              </summary>
              <div className="mt-3 pb-2">
                <MacroEditor key={m.updatedAt} macro={m} {...shared} onSave={(input) => onUpdate(m.id, input)} onDelete={() => onDelete(m.id)} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
