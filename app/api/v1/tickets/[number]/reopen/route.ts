import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { reopenTicket } from "@/lib/tickets/customer-actions";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/reopen">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await reopenTicket(actor, number, await readJsonBody(request)) });
});
