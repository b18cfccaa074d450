import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { createMacro } from "@/lib/macros/create-macro";
import { listMacros } from "@/lib/macros/list-macros";

export const GET = withActor(async (actor) => NextResponse.json({ macros: await listMacros(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ macro: await createMacro(actor, await readJsonBody(request)) }, { status: 201 }));
