import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { detachChild } from "@/lib/incidents/major-incident";

interface ChildRouteContext {
  params: Promise<{ number: string; child: string }>;
}

/** Detaches a child the major incident does not fix. */
export const DELETE = withActor(async (actor, _request, { params }: ChildRouteContext) => {
  const { number, child } = await params;
  return NextResponse.json({ links: await detachChild(actor, number, child) });
});
