import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json(await listNotifications(actor, query), { headers: { "Cache-Control": "no-store" } });
});
