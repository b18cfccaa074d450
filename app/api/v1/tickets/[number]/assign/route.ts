import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { assignTicket } from "@/lib/routing/assign";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await assignTicket(actor, number, await readJsonBody(request)) });
});
