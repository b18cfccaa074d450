import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

type Context = { params: Promise<{ tokenId: string }> };

export const DELETE = withActor(async (actor, _request, { params }: Context) => NextResponse.json({ token: await revokeApiToken(actor, (await params).tokenId) }));
