import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { runSweepAs } from "@/lib/routing/run-sweep-as";

export const POST = withActor(async (actor) => NextResponse.json(await runSweepAs(actor)));
