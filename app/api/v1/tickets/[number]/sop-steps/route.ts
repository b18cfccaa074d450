import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { setSopStep } from "@/lib/tickets/set-sop-step";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json(await setSopStep(actor, number, await readJsonBody(request)));
});
