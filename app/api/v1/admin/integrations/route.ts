import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";

export const GET = withActor(async (actor) => NextResponse.json({ integrations: await listIntegrations(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ integration: await createIntegration(actor, await readJsonBody(request)) }, { status: 201 }));
