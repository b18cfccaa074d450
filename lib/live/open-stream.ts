import { NextResponse } from "next/server";
import { getSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { unauthenticated } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api";
import { authenticateBearer } from "@/lib/tokens/authenticate-bearer";
import { ZStreamQuery } from "@/lib/validation/live";
import { parseInput } from "@/lib/validation/parse";
import type { Actor } from "@/lib/actor";
import type { StreamAuth } from "./hub";
import { processHub } from "./process-hub";
import { subscriberFor } from "./subscriber";

const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: no compression or buffering on the way (Next.js, proxies); a stream is never cached.
  "Cache-Control": "no-cache, no-store, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/**
 * GET /api/v1/stream: the signed-in person's live updates as Server-Sent Events (see lib/live/deliver.ts for
 * what each role gets). The session cookie, or a bearer token with tickets:read. What it costs to open: the
 * session check every request makes, and one read of the person's groups.
 */
export async function openLiveStream(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const query = parseInput(ZStreamQuery, Object.fromEntries(url.searchParams));
    const signedIn = await authenticate(request);
    if (signedIn instanceof Response) return signedIn;

    const hub = processHub();
    if (!hub.accepting) return unavailable();
    try {
      await hub.start();
    } catch (error) {
      console.error("[live] cannot LISTEN:", error);
      return unavailable();
    }
    const groups = await db().groupMembership.findMany({ where: { userId: signedIn.actor.id }, select: { group: { select: { slug: true } } } });
    const subscriber = subscriberFor(signedIn.actor, groups.map((m) => m.group.slug), query.ticket ? [query.ticket] : []);
    const lastEventId = request.headers.get("last-event-id") ?? query.lastEventId ?? null;
    return new Response(hub.open(subscriber, signedIn.auth, lastEventId, request.signal), { status: 200, headers: STREAM_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}

async function authenticate(request: Request): Promise<{ actor: Actor; auth: StreamAuth } | Response> {
  if (request.headers.has("authorization")) {
    const bearer = await authenticateBearer(request, new Date());
    if (!bearer.ok) return NextResponse.json(bearer.error.toJSON(), { status: bearer.error.status, headers: bearer.headers });
    const { actor, token } = bearer;
    return { actor, auth: { kind: "token", tokenId: token.id, expiresAtMs: token.expiresAt?.getTime() ?? null, role: actor.role } };
  }
  const session = await getSession();
  if (!session) throw unauthenticated();
  return { actor: session.actor, auth: { kind: "session", sid: session.sid, authTime: session.authTime, role: session.role } };
}

/** 503 while shutting down or without a LISTEN connection: the browser tries again, polling meanwhile. */
function unavailable(): Response {
  return NextResponse.json(
    { error: { code: "UNAVAILABLE", message: "Live updates are not available right now: the page refreshes on its own." } },
    { status: 503, headers: { "Retry-After": "5" } },
  );
}
