import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { previewMacro } from "@/lib/macros/preview-macro";

type Context = { params: Promise<{ number: string; macroId: string }> };

/** The macro filled for this ticket; nothing is sent or counted. */
export const POST = withActor(async (actor, _request, { params }: Context) => {
  const { number, macroId } = await params;
  return NextResponse.json({ preview: await previewMacro(actor, number, macroId) });
});
