"use client";

import type { IntegrationJson } from "@/lib/integrations/integration-json";
import type { SeverityMap } from "@/lib/validation/integration";
import type { ActionOutcome } from "@/lib/http/run-action";
import { IntegrationEditor } from "./integration-editor";

/** The integrations, one line each (name, customer, category, open alerts, state); a line opens its editor. */
export function IntegrationList({
  integrations,
  categories,
  defaultSeverityMap,
  siteUrl,
  canWrite,
  onCreate,
  onUpdate,
  onDeactivate,
}: {
  integrations: IntegrationJson[];
  categories: { slug: string; name: string }[];
  defaultSeverityMap: SeverityMap;
  siteUrl: string;
  canWrite: boolean;
  onCreate: (input: unknown) => Promise<ActionOutcome<unknown>>;
  onUpdate: (id: string, input: unknown) => Promise<ActionOutcome<unknown>>;
  onDeactivate: (id: string) => Promise<ActionOutcome<unknown>>;
}) {
  const shared = { categories, defaultSeverityMap, siteUrl, canWrite };
  return (
    <div className="space-y-3">
      {canWrite && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold text-indigo-800">New integration</summary>
          <div className="mt-3">
            <IntegrationEditor {...shared} onSave={onCreate} />
          </div>
        </details>
      )}
      {integrations.length === 0 && <p className="text-sm text-slate-700">No integrations yet.</p>}
      <ul aria-label="Integrations" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {integrations.map((i) => (
          <li key={i.id}>
            <details className="group px-4 py-2">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="min-w-0 flex-1 basis-64 font-medium wrap-anywhere text-slate-900">{i.name}</span>
                <span className="min-w-0 font-mono text-xs wrap-anywhere text-slate-700">{i.slug}</span>
                <span className="min-w-0 text-sm wrap-anywhere text-slate-700">
                  {i.customer.name} · {i.category.name}
                </span>
                <span className="text-sm text-slate-900 tabular-nums">
                  {i.openAlerts.toLocaleString("en")} firing · {i.incidents.toLocaleString("en")} {i.incidents === 1 ? "incident" : "incidents"}
                </span>
                <span className={`rounded px-1.5 text-xs ${i.active ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>{i.active ? "Active" : "Off"}</span>
              </summary>
              <div className="mt-3 pb-2">
                <IntegrationEditor
                  key={i.updatedAt}
                  integration={i}
                  {...shared}
                  onSave={(input) => onUpdate(i.id, input)}
                  onDeactivate={i.active ? () => onDeactivate(i.id) : undefined}
                  onReactivate={i.active ? undefined : () => onUpdate(i.id, { active: true })}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
