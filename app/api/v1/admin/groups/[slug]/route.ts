import { NextResponse } from "next/server";
import { deleteSupportGroup } from "@/lib/admin/delete-support-group";
import { withActor } from "@/lib/http/api";

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/groups/[slug]">) => {
  await deleteSupportGroup(actor, { slug: (await params).slug });
  return NextResponse.json({ deleted: true });
});
