import { isIP } from "node:net";
import { clientAddressFrom } from "@/lib/client-address";
import { authenticateBearer } from "@/lib/tokens/authenticate-bearer";
import { clientAddressTrusted } from "@/lib/observability/served-by";

/** 127.0.0.0/8 and ::1: a scraper on the same machine. */
export function isLoopbackAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return address.startsWith("127.");
  if (kind === 6) return address === "::1" || address === "0:0:0:0:0:0:0:1";
  return false;
}

/** Who may read /api/metrics: pure, over what the request says and what the server decided about it. */
export function metricsAccessOf(facts: { hasAuthorization: boolean; clientAddress: string; addressTrusted: boolean }): "token" | "loopback" | "refused" {
  if (facts.hasAuthorization) return "token";
  return facts.addressTrusted && isLoopbackAddress(facts.clientAddress) ? "loopback" : "refused";
}

const UNAUTHENTICATED = {
  error: { code: "UNAUTHENTICATED", message: "Send a bearer token with the scope metrics:read, or scrape from this machine." },
};

/**
 * Null when the request may read the metrics: a bearer token with the scope metrics:read (checked as every API
 * token is, rate limit included), or no credentials at all from this machine (the address scripts/serve.ts decided
 * from the socket and TRUST_PROXY, never a client's header). Otherwise the refusal: 401, or 403 for a token
 * without the scope.
 */
export async function metricsRefusal(request: Request, now: Date): Promise<Response | null> {
  const access = metricsAccessOf({
    hasAuthorization: request.headers.has("authorization"),
    clientAddress: clientAddressFrom(request.headers),
    addressTrusted: clientAddressTrusted(),
  });
  if (access === "loopback") return null;
  if (access === "refused") {
    return Response.json(UNAUTHENTICATED, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="tierdesk", scope="metrics:read"', "Cache-Control": "no-store" } });
  }
  const bearer = await authenticateBearer(request, now);
  if (bearer.ok) return null;
  return Response.json(bearer.error.toJSON(), { status: bearer.error.status, headers: { ...bearer.headers, "Cache-Control": "no-store" } });
}
