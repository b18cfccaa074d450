"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { STATUS_LABEL } from "@/components/tickets/labels";
import { INPUT_CLASS } from "@/components/ui/field";
import type { QueueFilterOptions } from "@/lib/tickets/queue-filter-options";
import { queueHref } from "@/lib/tickets/queue-url";
import { OPEN_STATUSES, QUEUE_SEARCH_MAX, QUEUE_TIERS, type QueueQuery, type QueueTier, type QueueView } from "@/lib/validation/queue";

const PRIORITIES = ["P1", "P2", "P3", "P4", "P5"] as const;
const LABEL = "block text-xs font-medium text-slate-800 lg:sr-only";
// Dense at desktop widths: one line of compact fields (labels stay for screen readers), so 25 rows fit below.
const FIELD = `${INPUT_CLASS} lg:py-1`;

function Select({ id, label, name, value, options }: { id: string; label: string; name: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={FIELD}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value === "" ? `${label}: any` : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Filters and search as a GET form: submitting puts them in the URL (bookmarkable, shareable) and keeps
 * the view. Managers also choose the tier. With scripts, the URL leaves out the fields set to "Any";
 * without, the browser submits the form as it is.
 */
export function QueueFilters({ query, view, tier, canChooseTier, options }: { query: Partial<QueueQuery>; view: QueueView; tier: QueueTier; canChooseTier: boolean; options: QueueFilterOptions }) {
  const router = useRouter();
  const any = { value: "", label: "Any" };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].filter(([, value]) => typeof value === "string" && value.trim() !== ""));
    router.push(queueHref(fields as Partial<QueueQuery>));
  };
  return (
    <form role="search" aria-label="Filter and search the queue" method="get" action="/queue" onSubmit={submit} className="mb-2 grid grid-cols-2 items-end gap-2 rounded-lg border border-slate-200 bg-white p-2 md:grid-cols-7">
      <input type="hidden" name="view" value={view} />
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <div className="col-span-2">
        <label htmlFor="queue-search" className={LABEL}>
          Search
        </label>
        <input id="queue-search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={QUEUE_SEARCH_MAX} placeholder="Search number, title, description or reply" className={FIELD} />
      </div>
      {canChooseTier && (
        <Select id="queue-tier" label="Tier" name="tier" value={tier} options={QUEUE_TIERS.map((t) => ({ value: t, label: t === "all" ? "All tiers" : t }))} />
      )}
      <Select id="queue-status" label="Status" name="status" value={query.status} options={[any, ...OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]} />
      <Select id="queue-priority" label="Priority" name="priority" value={query.priority} options={[any, ...PRIORITIES.map((p) => ({ value: p, label: p }))]} />
      <Select id="queue-category" label="Category" name="category" value={query.category} options={[any, ...options.categories.map((c) => ({ value: c.slug, label: c.name }))]} />
      <Select id="queue-group" label="Group" name="group" value={query.group} options={[any, ...options.groups.map((g) => ({ value: g.slug, label: `${g.name} (${g.tier})` }))]} />
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm lg:py-1 font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2">
          Apply
        </button>
        <Link href={queueHref({ view, ...(canChooseTier ? { tier } : {}) })} className="text-sm text-indigo-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
