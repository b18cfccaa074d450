import { NextResponse } from "next/server";
import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { readJsonBody, withActor } from "@/lib/http/api";

export const POST = withActor(async (actor, request) => {
  await clearLoginThrottle(actor, await readJsonBody(request));
  return NextResponse.json({ cleared: true });
});
