import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { markNotificationsRead } from "@/lib/notifications/mark-read";

export const POST = withActor(async (actor, request) => NextResponse.json(await markNotificationsRead(actor, await readJsonBody(request))));
