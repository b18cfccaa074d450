import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { rateTicket } from "@/lib/tickets/rate-ticket";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/rating">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await rateTicket(actor, number, await readJsonBody(request)) });
});
