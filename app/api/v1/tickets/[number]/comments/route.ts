import { NextResponse } from "next/server";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { readJsonBody, withActor } from "@/lib/http/api";
import { readMultipartBody } from "@/lib/http/multipart";
import { addComment } from "@/lib/tickets/add-comment";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import { unchecked } from "@/lib/validation/unchecked";

/** JSON: a reply or note. multipart/form-data: the same fields (body, visibility) with files under "attachments". */
export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/comments">) => {
  const { number } = await params;
  if (/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    const form = await readMultipartBody(request);
    const input = unchecked({ body: form.get("body"), visibility: form.get("visibility") ?? undefined });
    const { comment, attachments } = await replyWithAttachments(actor, number, input, filesIn(form.getAll(ATTACHMENTS_FIELD)));
    return NextResponse.json({ comment, attachments }, { status: 201 });
  }
  return NextResponse.json({ comment: await addComment(actor, number, await readJsonBody(request)) }, { status: 201 });
});
