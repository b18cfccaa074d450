import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { setSopStep } from "@/lib/tickets/set-sop-step";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/sop-steps">) => {
  const { number } = await params;
  return NextResponse.json(await setSopStep(actor, number, await readJsonBody(request)));
});
