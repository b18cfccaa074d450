import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { requestEscalation } from "@/lib/tickets/escalation-request";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/escalation-request">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await requestEscalation(actor, number, await readJsonBody(request)) });
});
