import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { deleteSavedView, renameSavedView } from "@/lib/tickets/saved-views";


export const PATCH = withActor(async (actor, request, { params }: RouteContext<"/api/v1/queue/views/[viewId]">) =>
  NextResponse.json({ view: await renameSavedView(actor, (await params).viewId, await readJsonBody(request)) }),
);

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/queue/views/[viewId]">) => {
  const { viewId: id } = await params;
  await deleteSavedView(actor, id);
  return NextResponse.json({ deleted: Number(id) });
});
