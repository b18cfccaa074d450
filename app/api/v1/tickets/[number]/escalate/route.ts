import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { escalateTicket } from "@/lib/routing/escalate";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/escalate">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await escalateTicket(actor, number, await readJsonBody(request)) });
});
