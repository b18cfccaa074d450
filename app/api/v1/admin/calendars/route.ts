import { NextResponse } from "next/server";
import { createCalendar } from "@/lib/admin/create-calendar";
import { listCalendars } from "@/lib/admin/list-calendars";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ calendars: await listCalendars(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ calendar: await createCalendar(actor, await readJsonBody(request)) }, { status: 201 }));
