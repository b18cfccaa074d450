import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";


export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/tokens/[tokenId]">) => NextResponse.json({ token: await revokeApiToken(actor, (await params).tokenId) }));
