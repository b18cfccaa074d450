import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listTicketsFor } from "@/lib/tickets/ticket-for-actor";

export const POST = withActor(async (actor, request) => {
  const ticket = await createTicket(actor, await readJsonBody(request));
  return NextResponse.json({ ticket }, { status: 201, headers: { Location: `/api/v1/tickets/${ticket.number}` } });
});

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listTicketsFor(actor, query));
});
