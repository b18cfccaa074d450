import { NextResponse } from "next/server";
import { addTicketAttachments } from "@/lib/attachments/add-ticket-attachments";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { withActor } from "@/lib/http/api";
import { readMultipartBody } from "@/lib/http/multipart";
import { getTicket } from "@/lib/tickets/core/get-ticket";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/attachments">) => {
  const { number } = await params;
  await getTicket(actor, number); // 404 for a ticket the actor may not see, rather than an empty list
  return NextResponse.json({ attachments: await listTicketAttachments(actor, number) });
});

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/attachments">) => {
  const { number } = await params;
  const form = await readMultipartBody(request);
  const attachments = await addTicketAttachments(actor, number, filesIn(form.getAll(ATTACHMENTS_FIELD)));
  return NextResponse.json({ attachments }, { status: 201 });
});
