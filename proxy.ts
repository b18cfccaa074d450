import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { bodyLimitFor, bodySizeRefusal } from "@/lib/http/body-limit";
import { malformedPageWriteBody } from "@/lib/http/page-write-body";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

/**
 * Not a guard (pages and lib services check access themselves). It holds page writes (server actions) to
 * their body limit and refuses bodies Next.js could not decode (400, where Next.js would answer 500), tells server components which page was asked for, so a sign-in can return there
 * (layouts are not given the path otherwise), and gives every page its Content-Security-Policy with a fresh
 * script nonce (set on the request too: Next.js reads the nonce from there for its own scripts) and, over
 * HTTPS, Strict-Transport-Security.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const tooLarge = bodySizeRefusal(
      { contentLength: request.headers.get("content-length"), transferEncoding: request.headers.get("transfer-encoding") },
      bodyLimitFor(request.nextUrl.pathname),
    );
    if (tooLarge) return NextResponse.json({ error: { code: "PAYLOAD_TOO_LARGE", message: tooLarge } }, { status: 413 });
    const malformed = await malformedPageWriteBody(request);
    if (malformed) return NextResponse.json({ error: { code: "VALIDATION", message: malformed } }, { status: 400 });
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(request.headers.get("x-forwarded-proto"), process.env.NEXTAUTH_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

/**
 * Pages only: not the API, not Next.js's own files, and not the static files of public/ (icons, manifest, robots.txt),
 * which need neither a policy nor the request path and are served as they are. Keep this list in step with public/.
 */
export const config = {
  matcher: [
    "/((?!api/|_next/|favicon\\.ico$|icon\\.svg$|logo\\.svg$|apple-touch-icon\\.png$|icon-(?:maskable-)?\\d+\\.png$|manifest\\.webmanifest$|robots\\.txt$).*)",
  ],
};
