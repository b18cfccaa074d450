import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { recordArticleFeedback } from "@/lib/kb/record-feedback";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/kb/articles/[slug]/feedback">) => {
  const { slug } = await params;
  return NextResponse.json({ feedback: await recordArticleFeedback(actor, slug, await readJsonBody(request)) }, { status: 201 });
});
