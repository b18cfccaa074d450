import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listNotifications(actor, query), { headers: { "Cache-Control": "no-store" } });
});
