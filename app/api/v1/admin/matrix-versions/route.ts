import { NextResponse } from "next/server";
import { listMatrixVersions } from "@/lib/admin/list-matrix-versions";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ versions: await listMatrixVersions(actor) }));
