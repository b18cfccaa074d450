import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";

type Context = { params: Promise<{ webhookId: string }> };

export const GET = withActor(async (actor, request, { params }: Context) =>
  NextResponse.json(await listDeliveries(actor, (await params).webhookId, Object.fromEntries(new URL(request.url).searchParams))),
);
