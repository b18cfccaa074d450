import { NextResponse } from "next/server";
import type { Actor } from "@/lib/actor";
import { requireUser } from "@/lib/auth/session";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { AppError, forbidden } from "@/lib/errors";
import { authenticateBearer } from "@/lib/tokens/authenticate-bearer";
import { unchecked, type Unchecked } from "@/lib/validation/unchecked";
import { crossSiteWriteRefusal, ownOriginsOf, writeRequestFacts } from "./cross-site-write";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * What a user may be told about a failure, for API routes and server actions alike: an AppError as it is, a
 * lost race on a unique constraint as a conflict to retry; null for anything else (a fault of ours, logged).
 */
export function userFacingError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUniqueConstraintViolation(error)) return new AppError("CONFLICT", "Someone else made the same change at the same moment. Reload and try again.");
  console.error(error);
  return null;
}

export function errorResponse(error: unknown): NextResponse {
  const known = userFacingError(error);
  if (known) return NextResponse.json(known.toJSON(), { status: known.status });
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

/**
 * An API handler for a signed-in actor. A request with an Authorization header acts as its bearer token's user
 * (authenticate-bearer.ts: never together with a cookie, so no cross-site check is needed); any other request
 * needs the session cookie, and a cookie-carrying write from another site is refused (403). Then it runs; any
 * AppError becomes its status and JSON body.
 */
export function withActor<C>(handler: (actor: Actor, request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      if (request.headers.has("authorization")) {
        const bearer = await authenticateBearer(request, new Date());
        if (!bearer.ok) return NextResponse.json(bearer.error.toJSON(), { status: bearer.error.status, headers: bearer.headers });
        return await handler(bearer.actor, request, context);
      }
      const crossSite = crossSiteWriteRefusal(writeRequestFacts(request), ownOriginsOf(request));
      if (crossSite) throw forbidden(crossSite);
      return await handler(await requireUser(), request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body: 415 unless it is JSON, 413 past 1 MB (counted as it streams, whatever Content-Length claims). */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<Unchecked> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is over ${limit / 1024 / 1024} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return unchecked(JSON.parse(text));
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON.", { _: ["Malformed JSON."] });
  }
}

/** The query string as an object of its parameters (the last of a repeated name), for the verb's schema to check. */
export function readSearchParams(request: Request): Unchecked {
  return unchecked(Object.fromEntries(new URL(request.url).searchParams));
}
