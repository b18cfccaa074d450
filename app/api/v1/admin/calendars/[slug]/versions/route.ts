import { NextResponse } from "next/server";
import { listCalendarVersions } from "@/lib/admin/list-calendars";
import { withActor, type SlugRouteContext } from "@/lib/http/api";

export const GET = withActor(async (actor, _request, { params }: SlugRouteContext) => NextResponse.json({ versions: await listCalendarVersions(actor, (await params).slug) }));
