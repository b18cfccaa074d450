import { NextResponse } from "next/server";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { readJsonBody, withActor } from "@/lib/http/api";

export const POST = withActor(async (actor, request) => NextResponse.json({ person: await deactivatePerson(actor, await readJsonBody(request)) }));
