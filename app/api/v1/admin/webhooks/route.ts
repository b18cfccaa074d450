import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const GET = withActor(async (actor) => NextResponse.json({ webhooks: await listWebhooks(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json(await createWebhook(actor, await readJsonBody(request)), { status: 201 }));
