import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { previewMacro } from "@/lib/macros/preview-macro";


/** The macro filled for this ticket; nothing is sent or counted. */
export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/macros/[macroId]/preview">) => {
  const { number, macroId } = await params;
  return NextResponse.json({ preview: await previewMacro(actor, number, macroId) });
});
