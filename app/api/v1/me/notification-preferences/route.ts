import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/preferences";

export const GET = withActor(async (actor) => NextResponse.json(await getNotificationPreferences(actor), { headers: { "Cache-Control": "no-store" } }));

export const PUT = withActor(async (actor, request) => NextResponse.json(await updateNotificationPreferences(actor, await readJsonBody(request))));
