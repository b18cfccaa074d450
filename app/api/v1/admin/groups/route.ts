import { NextResponse } from "next/server";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ groups: await listSupportGroups(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ group: await createSupportGroup(actor, await readJsonBody(request)) }, { status: 201 }));

export const PUT = withActor(async (actor, request) => NextResponse.json({ group: await updateSupportGroup(actor, await readJsonBody(request)) }));
