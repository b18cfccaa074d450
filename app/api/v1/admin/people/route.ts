import { NextResponse } from "next/server";
import { createPerson } from "@/lib/admin/create-person";
import { listPeople } from "@/lib/admin/list-people";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json(await listPeople(actor)));

export const POST = withActor(async (actor, request) => NextResponse.json(await createPerson(actor, await readJsonBody(request)), { status: 201 }));
