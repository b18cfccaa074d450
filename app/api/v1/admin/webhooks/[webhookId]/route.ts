import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

type Context = { params: Promise<{ webhookId: string }> };

export const GET = withActor(async (actor, _request, { params }: Context) => NextResponse.json({ webhook: await getWebhook(actor, (await params).webhookId) }));

export const PATCH = withActor(async (actor, request, { params }: Context) => NextResponse.json({ webhook: await updateWebhook(actor, (await params).webhookId, await readJsonBody(request)) }));

export const DELETE = withActor(async (actor, _request, { params }: Context) => {
  await deleteWebhook(actor, (await params).webhookId);
  return NextResponse.json({ deleted: true });
});
