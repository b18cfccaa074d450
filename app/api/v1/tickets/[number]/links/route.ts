import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { linkTickets } from "@/lib/incidents/link-tickets";

/** Links the ticket to another: RELATED, or DUPLICATE_OF (the ticket closes and its customer is told where to follow). */
export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/links">) => {
  const { number } = await params;
  return NextResponse.json({ links: await linkTickets(actor, number, await readJsonBody(request)) }, { status: 201 });
});
