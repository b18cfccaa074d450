import { NextResponse } from "next/server";
import { readJsonBody, readSearchParams, withActor } from "@/lib/http/api";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";

export const GET = withActor(async (actor, request) => NextResponse.json(await listApiTokens(actor, readSearchParams(request))));

export const POST = withActor(async (actor, request) => NextResponse.json(await createApiToken(actor, await readJsonBody(request)), { status: 201, headers: { "Cache-Control": "no-store" } }));
