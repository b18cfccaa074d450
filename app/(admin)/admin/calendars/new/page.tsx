import type { Metadata } from "next";
import Link from "next/link";
import { CalendarForm } from "@/components/admin/calendar-form";
import { NEW_CALENDAR } from "@/components/admin/calendar-draft";
import { requirePageActor } from "@/lib/auth/page-guard";
import { createCalendarAction } from "../actions";
import { timeZoneNames } from "../time-zones";

export const metadata: Metadata = { title: "New calendar" };

export default async function NewCalendarPage() {
  await requirePageActor(["ADMIN"]);
  return (
    <div className="space-y-4">
      <Link href="/admin/calendars" className="text-sm text-indigo-800 underline">
        All calendars
      </Link>
      <h1 className="text-2xl font-semibold text-slate-900">New calendar</h1>
      <CalendarForm mode="create" initial={NEW_CALENDAR} timeZones={timeZoneNames()} readOnly={false} onSave={createCalendarAction} />
    </div>
  );
}
