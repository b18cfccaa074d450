import type { Metadata } from "next";
import Link from "next/link";
import { CalendarList } from "@/components/admin/calendar-list";
import { listCalendars } from "@/lib/admin/list-calendars";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Calendars" };

export default async function CalendarsPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const calendars = await listCalendars(actor);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">Calendars</h1>
        {can(actor, "admin:write") && (
          <Link href="/admin/calendars/new" className="inline-flex items-center rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
            New calendar
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-700">
        Business-hours SLA clocks run only in a calendar&apos;s opening windows: an organization&apos;s customer clock on its calendar, a group&apos;s tier budgets on
        the group&apos;s, everything else on the priority matrix&apos;s default. Each change publishes a new version; earlier versions stay readable.
      </p>
      <CalendarList calendars={calendars} />
    </div>
  );
}
