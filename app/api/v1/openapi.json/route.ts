import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

/** Public: the API's own description needs no session. */
export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
