import { NextResponse } from "next/server";
import { listOrganizations } from "@/lib/admin/list-organizations";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ organizations: await listOrganizations(actor) }));
