import { NextResponse } from "next/server";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (actor, request) => NextResponse.json(await listAuditEvents(actor, Object.fromEntries(new URL(request.url).searchParams))));
