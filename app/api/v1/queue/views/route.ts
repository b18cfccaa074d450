import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { createSavedView, listSavedViews } from "@/lib/tickets/saved-views";

export const GET = withActor(async (actor) => NextResponse.json({ views: await listSavedViews(actor) }, { headers: { "Cache-Control": "no-store" } }));

export const POST = withActor(async (actor, request) => NextResponse.json({ view: await createSavedView(actor, await readJsonBody(request)) }, { status: 201 }));
