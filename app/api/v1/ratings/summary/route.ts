import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { ratingSummary } from "@/lib/tickets/rate-ticket";

export const GET = withActor(async (actor) => NextResponse.json(await ratingSummary(actor)));
