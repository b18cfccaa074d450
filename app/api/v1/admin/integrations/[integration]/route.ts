import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { getIntegration } from "@/lib/integrations/get-integration";
import { updateIntegration } from "@/lib/integrations/update-integration";


export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/integrations/[integration]">) => NextResponse.json({ integration: await getIntegration(actor, (await params).integration) }));

export const PATCH = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/integrations/[integration]">) =>
  NextResponse.json({ integration: await updateIntegration(actor, (await params).integration, await readJsonBody(request)) }),
);

/** Switches the integration off (it is kept: its incidents name it). */
export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/integrations/[integration]">) => NextResponse.json({ integration: await deactivateIntegration(actor, (await params).integration) }));
