import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { returnTicket } from "@/lib/routing/return";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/return">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await returnTicket(actor, number, await readJsonBody(request)) });
});
