import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";


export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver">) => {
  const { webhookId, deliveryId } = await params;
  return NextResponse.json({ delivery: await redeliverWebhook(actor, webhookId, deliveryId) });
});
