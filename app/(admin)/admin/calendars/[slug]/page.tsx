import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarForm } from "@/components/admin/calendar-form";
import { draftOf } from "@/components/admin/calendar-draft";
import { CalendarSummary } from "@/components/admin/calendar-list";
import { CalendarVersionHistory } from "@/components/admin/calendar-version-history";
import { CalendarWeekPreview } from "@/components/admin/calendar-week-preview";
import { DeleteButton } from "@/components/admin/delete-button";
import { getCalendar, listCalendarVersions } from "@/lib/admin/list-calendars";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { weekPreview } from "@/lib/calendar/week-preview";
import { calendarOfInput } from "@/lib/validation/calendar";
import { deleteCalendarAction, publishCalendarAction } from "../actions";
import { timeZoneNames } from "../time-zones";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({ params }: PageProps<"/admin/calendars/[slug]">) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const { slug } = await params;
  const found = await Promise.all([getCalendar(actor, slug), listCalendarVersions(actor, slug)]).catch((error: unknown) => {
    // An unknown slug, or one that cannot be a slug, is the branded not-found page.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) return null;
    throw error;
  });
  if (!found) notFound();
  const [calendar, versions] = found;
  const canWrite = can(actor, "admin:write");
  const readOnly = !canWrite || calendar.builtIn;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin/calendars" className="text-sm text-indigo-800 underline">
          All calendars
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-slate-900">{calendar.name}</h1>
          {canWrite && !calendar.builtIn && (
            <DeleteButton
              what="this calendar"
              consequence="Its versions are removed with it. A calendar an organization, a group or the priority matrix runs on cannot be deleted. The audit trail keeps what it was."
              onDelete={deleteCalendarAction.bind(null, calendar.slug)}
              thenGoTo="/admin/calendars"
            />
          )}
        </div>
        {calendar.builtIn && <p className="text-sm text-slate-700">Built in: always open, every day. It cannot be changed or deleted.</p>}
        {calendar.usedBy.matrix && (
          <p className="text-sm text-slate-700">
            The priority matrix runs on this calendar. Auto-closing resolved tickets is set on the{" "}
            <Link href="/admin/calendar" className="text-indigo-800 underline">
              support calendar page
            </Link>
            .
          </p>
        )}
      </div>
      <CalendarSummary calendar={calendar} />
      <CalendarWeekPreview days={weekPreview(calendarOfInput(calendar), new Date())} timeZone={calendar.timeZone} />
      <section aria-labelledby="calendar-edit-heading" className="space-y-2">
        <h2 id="calendar-edit-heading" className="text-xl font-semibold text-slate-900">
          {readOnly ? `Hours (version ${calendar.version})` : `Edit: publishes version ${calendar.version + 1}`}
        </h2>
        <CalendarForm
          mode="publish"
          nextVersion={calendar.version + 1}
          initial={draftOf(calendar)}
          timeZones={readOnly ? [] : timeZoneNames()}
          readOnly={readOnly}
          onSave={publishCalendarAction.bind(null, calendar.slug)}
        />
      </section>
      <CalendarVersionHistory versions={versions} />
    </div>
  );
}
