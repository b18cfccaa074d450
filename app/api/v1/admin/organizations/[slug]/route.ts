import { NextResponse } from "next/server";
import { updateOrganization } from "@/lib/admin/update-organization";
import { readJsonBody, withActor } from "@/lib/http/api";

export const PUT = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/organizations/[slug]">) =>
  NextResponse.json({ organization: await updateOrganization(actor, (await params).slug, await readJsonBody(request)) }),
);
