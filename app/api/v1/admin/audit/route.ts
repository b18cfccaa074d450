import { NextResponse } from "next/server";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { readSearchParams, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor, request) => NextResponse.json(await listAuditEvents(actor, readSearchParams(request))));
