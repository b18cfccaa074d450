import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { receiveAlerts } from "@/lib/integrations/receive-alerts";
import { ALERT_BODY_LIMIT_BYTES } from "@/lib/validation/alertmanager";

/** Alertmanager's webhook receiver: POST <site>/api/v1/integrations/alertmanager?integration=<slug>. */
export const POST = withActor(async (actor, request) => {
  const slug = new URL(request.url).searchParams.get("integration");
  return NextResponse.json(await receiveAlerts(actor, slug, await readJsonBody(request, ALERT_BODY_LIMIT_BYTES)));
});
