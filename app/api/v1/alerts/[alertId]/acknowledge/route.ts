import { NextResponse } from "next/server";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { readJsonBody, withActor } from "@/lib/http/api";


export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/alerts/[alertId]/acknowledge">) =>
  NextResponse.json({ alert: await acknowledgeAlert(actor, (await params).alertId, await readJsonBody(request)) }),
);
