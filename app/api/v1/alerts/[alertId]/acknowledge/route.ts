import { NextResponse } from "next/server";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { readJsonBody, withActor } from "@/lib/http/api";

type Context = { params: Promise<{ alertId: string }> };

export const POST = withActor(async (actor, request, { params }: Context) =>
  NextResponse.json({ alert: await acknowledgeAlert(actor, (await params).alertId, await readJsonBody(request)) }),
);
