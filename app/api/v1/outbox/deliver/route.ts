import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { deliverOutboxAs } from "@/lib/mail/deliver-outbox-as";

export const POST = withActor(async (actor) => NextResponse.json(await deliverOutboxAs(actor)));
