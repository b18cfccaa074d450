import { NextResponse } from "next/server";
import { readJsonBody, readSearchParams, withActor } from "@/lib/http/api";
import { withIdempotencyKey } from "@/lib/http/idempotency-key";
import { listTicketsFor, openTicketFor } from "@/lib/tickets/ticket-for-actor";

export const POST = withActor(async (actor, request) => {
  const { ticket, created } = await openTicketFor(actor, withIdempotencyKey(await readJsonBody(request), request.headers));
  return NextResponse.json(
    { ticket },
    { status: created ? 201 : 200, headers: { Location: `/api/v1/tickets/${ticket.number}`, ...(created ? {} : { "Idempotent-Replayed": "true" }) } },
  );
});

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json(await listTicketsFor(actor, query));
});
