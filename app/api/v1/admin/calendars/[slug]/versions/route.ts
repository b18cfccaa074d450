import { NextResponse } from "next/server";
import { listCalendarVersions } from "@/lib/admin/list-calendars";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/calendars/[slug]/versions">) => NextResponse.json({ versions: await listCalendarVersions(actor, (await params).slug) }));
