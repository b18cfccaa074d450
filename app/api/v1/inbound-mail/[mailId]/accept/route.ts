import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { acceptInboundMail } from "@/lib/inbound/decide-inbound-mail";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/inbound-mail/[mailId]/accept">) => {
  const { mailId } = await params;
  return NextResponse.json({ mail: await acceptInboundMail(actor, mailId, await readJsonBody(request)) });
});
