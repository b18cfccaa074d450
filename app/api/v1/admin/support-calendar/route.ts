import { NextResponse } from "next/server";
import { getSupportCalendar } from "@/lib/admin/get-support-calendar";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json(await getSupportCalendar(actor)));

export const PUT = withActor(async (actor, request) => NextResponse.json(await updateSupportCalendar(actor, await readJsonBody(request))));
