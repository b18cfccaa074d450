import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { addComment } from "@/lib/tickets/add-comment";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ comment: await addComment(actor, number, await readJsonBody(request)) }, { status: 201 });
});
