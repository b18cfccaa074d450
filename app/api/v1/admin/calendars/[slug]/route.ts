import { NextResponse } from "next/server";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { getCalendar } from "@/lib/admin/list-calendars";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { readJsonBody, withActor, type SlugRouteContext } from "@/lib/http/api";

export const GET = withActor(async (actor, _request, { params }: SlugRouteContext) => NextResponse.json({ calendar: await getCalendar(actor, (await params).slug) }));

/** Publishes the calendar's next version. */
export const PUT = withActor(async (actor, request, { params }: SlugRouteContext) =>
  NextResponse.json({ calendar: await publishCalendarVersion(actor, (await params).slug, await readJsonBody(request)) }),
);

export const DELETE = withActor(async (actor, _request, { params }: SlugRouteContext) => {
  await deleteCalendar(actor, (await params).slug);
  return NextResponse.json({ deleted: true });
});
