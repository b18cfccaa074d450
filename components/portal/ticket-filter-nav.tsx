import Link from "next/link";

const FILTERS = [
  { value: undefined, label: "All" },
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
] as const;

/** All / Open / Resolved, kept in the URL. */
export function TicketFilterNav({ current }: { current: "open" | "resolved" | undefined }) {
  return (
    <nav aria-label="Filter tickets" className="mb-4 flex gap-2">
      {FILTERS.map((f) => (
        <Link
          key={f.label}
          href={f.value ? `/portal/tickets?filter=${f.value}` : "/portal/tickets"}
          aria-current={current === f.value ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-800 aria-[current=page]:border-indigo-700 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white"
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}
