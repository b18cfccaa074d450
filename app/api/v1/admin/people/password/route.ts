import { NextResponse } from "next/server";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { readJsonBody, withActor } from "@/lib/http/api";

export const POST = withActor(async (actor, request) => NextResponse.json(await resetStaffPassword(actor, await readJsonBody(request))));
