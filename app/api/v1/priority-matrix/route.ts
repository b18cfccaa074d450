import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { getPriorityMatrix, publishPriorityMatrix } from "@/lib/routing/priority-matrix";

export const GET = withActor(async (actor) => NextResponse.json(await getPriorityMatrix(actor)));

export const PUT = withActor(async (actor, request) => NextResponse.json(await publishPriorityMatrix(actor, await readJsonBody(request))));
