import type { Metadata } from "next";
import { CalendarEditor } from "@/components/admin/calendar-editor";
import { getSupportCalendar } from "@/lib/admin/get-support-calendar";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { updateCalendarAction } from "./actions";

export const metadata: Metadata = { title: "Support calendar" };

export default async function CalendarPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const { name, timeZone, workdays, opensAt, closesAt, holidays, autoCloseBusinessDays } = await getSupportCalendar(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Support calendar: {name}</h1>
      <p className="text-sm text-slate-700">P3–P5 SLA clocks run only in these hours. A change applies to due times computed from now on.</p>
      <CalendarEditor initial={{ timeZone, workdays, opensAt, closesAt, holidays, autoCloseBusinessDays }} canWrite={can(actor, "admin:write")} onSave={updateCalendarAction} />
    </div>
  );
}
