import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

type Context = { params: Promise<{ webhookId: string; deliveryId: string }> };

export const POST = withActor(async (actor, _request, { params }: Context) => {
  const { webhookId, deliveryId } = await params;
  return NextResponse.json({ delivery: await redeliverWebhook(actor, webhookId, deliveryId) });
});
