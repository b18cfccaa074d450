import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { confirmResolved } from "@/lib/tickets/customer-actions";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/resolve-confirm">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await confirmResolved(actor, number, await readJsonBody(request)) });
});
