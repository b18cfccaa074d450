import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { deleteMacro } from "@/lib/macros/delete-macro";
import { updateMacro } from "@/lib/macros/update-macro";


export const PUT = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/macros/[macroId]">) => NextResponse.json({ macro: await updateMacro(actor, (await params).macroId, await readJsonBody(request)) }));

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/macros/[macroId]">) => {
  await deleteMacro(actor, (await params).macroId);
  return NextResponse.json({ deleted: true });
});
