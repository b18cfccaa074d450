import { NextResponse } from "next/server";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { getCalendar } from "@/lib/admin/list-calendars";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/calendars/[slug]">) => NextResponse.json({ calendar: await getCalendar(actor, (await params).slug) }));

/** Publishes the calendar's next version. */
export const PUT = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/calendars/[slug]">) =>
  NextResponse.json({ calendar: await publishCalendarVersion(actor, (await params).slug, await readJsonBody(request)) }),
);

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/calendars/[slug]">) => {
  await deleteCalendar(actor, (await params).slug);
  return NextResponse.json({ deleted: true });
});
