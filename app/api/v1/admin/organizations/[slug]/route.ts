import { NextResponse } from "next/server";
import { updateOrganization } from "@/lib/admin/update-organization";
import { readJsonBody, withActor, type SlugRouteContext } from "@/lib/http/api";

export const PUT = withActor(async (actor, request, { params }: SlugRouteContext) =>
  NextResponse.json({ organization: await updateOrganization(actor, (await params).slug, await readJsonBody(request)) }),
);
