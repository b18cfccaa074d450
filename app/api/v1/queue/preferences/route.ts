import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { getQueuePreferences, saveQueuePreferences } from "@/lib/tickets/queue-preferences";

export const GET = withActor(async (actor) => NextResponse.json(await getQueuePreferences(actor), { headers: { "Cache-Control": "no-store" } }));

export const PUT = withActor(async (actor, request) => NextResponse.json(await saveQueuePreferences(actor, await readJsonBody(request))));
