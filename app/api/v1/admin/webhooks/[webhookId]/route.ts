import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";


export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/webhooks/[webhookId]">) => NextResponse.json({ webhook: await getWebhook(actor, (await params).webhookId) }));

export const PATCH = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/webhooks/[webhookId]">) => NextResponse.json({ webhook: await updateWebhook(actor, (await params).webhookId, await readJsonBody(request)) }));

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/webhooks/[webhookId]">) => {
  await deleteWebhook(actor, (await params).webhookId);
  return NextResponse.json({ deleted: true });
});
