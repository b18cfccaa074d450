import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TableScroll } from "@/components/ui/table-scroll";
import type { CalendarView } from "@/lib/admin/calendar-view";
import { publishedAtLabel } from "./calendar-labels";

export function UsedBy({ usedBy }: { usedBy: CalendarView["usedBy"] }) {
  const parts = [
    ...(usedBy.matrix ? ["The priority matrix (default)"] : []),
    ...(usedBy.organizations.length ? [`Organizations: ${usedBy.organizations.join(", ")}`] : []),
    ...(usedBy.groups.length ? [`Groups: ${usedBy.groups.join(", ")}`] : []),
  ];
  if (!parts.length) return <span className="text-slate-600">Not used</span>;
  return (
    <ul className="space-y-0.5">
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** Every calendar: its version in force and who runs clocks on it; the row's name opens it. */
export function CalendarList({ calendars }: { calendars: CalendarView[] }) {
  return (
    <TableScroll label="Calendars">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Calendars</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">Calendar</th>
            <th scope="col" className="p-2 whitespace-nowrap">Time zone</th>
            <th scope="col" className="p-2 whitespace-nowrap">Version in force</th>
            <th scope="col" className="p-2">Used by</th>
          </tr>
        </thead>
        <tbody>
          {calendars.map((c) => (
            <tr key={c.slug} className="border-b border-slate-100 align-top">
              <th scope="row" className="min-w-40 p-2 text-left font-normal">
                <Link href={`/admin/calendars/${c.slug}`} className="font-medium text-indigo-800 underline wrap-anywhere">
                  {c.name}
                </Link>
                {c.builtIn && (
                  <>
                    {" "}
                    <Badge tone="blue">Built in · always open</Badge>
                  </>
                )}
                <span className="block font-mono text-xs text-slate-600 wrap-anywhere">{c.slug}</span>
              </th>
              <td className="p-2 whitespace-nowrap">{c.timeZone}</td>
              <td className="p-2 whitespace-nowrap">
                Version {c.version}
                <span className="block text-xs text-slate-600">{publishedAtLabel(c.publishedAt)}</span>
              </td>
              <td className="min-w-40 p-2 wrap-anywhere">
                <UsedBy usedBy={c.usedBy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One calendar's slug, time zone, version in force and users, for its own page. */
export function CalendarSummary({ calendar }: { calendar: CalendarView }) {
  const row = "flex flex-wrap gap-x-2";
  return (
    <dl className="grid gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2">
      <div className={row}>
        <dt className="text-slate-700">Slug</dt>
        <dd className="min-w-0 font-mono wrap-anywhere">{calendar.slug}</dd>
      </div>
      <div className={row}>
        <dt className="text-slate-700">Time zone</dt>
        <dd>{calendar.timeZone}</dd>
      </div>
      <div className={row}>
        <dt className="text-slate-700">In force</dt>
        <dd>
          Version {calendar.version}, published {publishedAtLabel(calendar.publishedAt)}
        </dd>
      </div>
      <div className={row}>
        <dt className="text-slate-700">Used by</dt>
        <dd className="min-w-0 wrap-anywhere">
          <UsedBy usedBy={calendar.usedBy} />
        </dd>
      </div>
    </dl>
  );
}
