import { NextResponse } from "next/server";
import { runWhatIf } from "@/lib/admin/run-what-if";
import { readJsonBody, withActor } from "@/lib/http/api";

export const POST = withActor(async (actor, request) => NextResponse.json(await runWhatIf(actor, await readJsonBody(request))));
