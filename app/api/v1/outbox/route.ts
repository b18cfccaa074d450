import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { listOutbox } from "@/lib/mail/list-outbox";

export const GET = withActor(async (actor) => NextResponse.json({ messages: await listOutbox(actor) }));
