import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { recordDeflection } from "@/lib/kb/record-deflection";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/kb/articles/[slug]/deflections">) => {
  const { slug } = await params;
  return NextResponse.json({ deflection: await recordDeflection(actor, slug, await readJsonBody(request)) }, { status: 201 });
});
