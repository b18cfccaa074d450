import { NextResponse } from "next/server";
import { issuePin } from "@/lib/admin/issue-pin";
import { readJsonBody, withActor } from "@/lib/http/api";

export const POST = withActor(async (actor, request) => NextResponse.json(await issuePin(actor, await readJsonBody(request))));
