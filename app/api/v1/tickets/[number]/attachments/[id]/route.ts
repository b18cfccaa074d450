import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { withActor } from "@/lib/http/api";
import { attachmentHeaders } from "@/lib/http/attachment-headers";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/attachments/[id]">) => {
  const { number, id } = await params;
  const file = await getAttachmentFile(actor, number, id);
  return new Response(file.body, { status: 200, headers: attachmentHeaders(file) });
});
