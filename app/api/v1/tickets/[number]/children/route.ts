import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { attachChild } from "@/lib/incidents/major-incident";

/** Attaches a customer's ticket to this major incident as a child. */
export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/children">) => {
  const { number } = await params;
  return NextResponse.json({ links: await attachChild(actor, number, await readJsonBody(request)) }, { status: 201 });
});
