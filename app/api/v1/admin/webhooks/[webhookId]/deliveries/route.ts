import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";


export const GET = withActor(async (actor, request, { params }: RouteContext<"/api/v1/admin/webhooks/[webhookId]/deliveries">) =>
  NextResponse.json(await listDeliveries(actor, (await params).webhookId, readSearchParams(request))),
);
