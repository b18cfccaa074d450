import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { getTicket } from "@/lib/tickets/get-ticket";

export const GET = withActor(async (actor, _request, { params }: { params: Promise<{ number: string }> }) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await getTicket(actor, number) });
});
