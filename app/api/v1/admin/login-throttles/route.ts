import { NextResponse } from "next/server";
import { listLoginThrottles } from "@/lib/admin/list-login-throttles";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ throttles: await listLoginThrottles(actor) }));
