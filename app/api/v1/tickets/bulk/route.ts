import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { bulkAction } from "@/lib/tickets/bulk-action";

/** One action over up to 100 tickets; 200 with each ticket's outcome (done, or refused and why). */
export const POST = withActor(async (actor, request) => NextResponse.json(await bulkAction(actor, await readJsonBody(request))));
