import { INPUT_CLASS } from "@/components/ui/field";
import type { DashboardFilterOptions } from "@/lib/metrics/dashboard-filter-options";
import type { DashboardScope } from "@/lib/metrics/dashboard-links";

const LABEL = "block text-xs font-medium text-slate-800";
const PERIODS = [
  { value: "today", label: "Today" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "365d", label: "Last 365 days" },
  { value: "custom", label: "Custom (from – to)" },
];

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`dashboard-${name}`} className={LABEL}>
        {label}
      </label>
      <select id={`dashboard-${name}`} name={name} defaultValue={value ?? ""} className={INPUT_CLASS}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The period and filters as a GET form: the choice lives in the URL, so a dashboard can be bookmarked and shared. */
export function DashboardFilters({ scope, days, options }: { scope: DashboardScope; days: { from: string; to: string }; options: DashboardFilterOptions }) {
  const any = { value: "", label: "Any" };
  return (
    <form method="get" action="/dashboard" aria-label="Period and filters" className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 md:grid-cols-4 lg:grid-cols-7">
      <Select name="period" label="Period" value={scope.period} options={PERIODS} />
      <div>
        <label htmlFor="dashboard-from" className={LABEL}>
          From (custom)
        </label>
        <input id="dashboard-from" name="from" type="date" defaultValue={days.from} className={INPUT_CLASS} />
      </div>
      <div>
        <label htmlFor="dashboard-to" className={LABEL}>
          To (custom)
        </label>
        <input id="dashboard-to" name="to" type="date" defaultValue={days.to} className={INPUT_CLASS} />
      </div>
      <Select name="category" label="Category" value={scope.category} options={[any, ...options.categories.map((c) => ({ value: c.slug, label: c.name }))]} />
      <Select name="org" label="Organization" value={scope.org} options={[any, ...options.organizations.map((o) => ({ value: o.slug, label: o.name }))]} />
      <Select name="priority" label="Priority" value={scope.priority} options={[any, ...["P1", "P2", "P3", "P4", "P5"].map((p) => ({ value: p, label: p }))]} />
      <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500">
        Show
      </button>
    </form>
  );
}
