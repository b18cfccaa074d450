import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { discardInboundMail } from "@/lib/inbound/decide-inbound-mail";

export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/inbound-mail/[mailId]/discard">) => {
  const { mailId } = await params;
  return NextResponse.json({ mail: await discardInboundMail(actor, mailId) });
});
