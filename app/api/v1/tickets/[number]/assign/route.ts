import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { assignTicket } from "@/lib/routing/assign";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/assign">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await assignTicket(actor, number, await readJsonBody(request)) });
});
