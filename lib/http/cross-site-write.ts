const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What the decision reads from a request: its method, whether it carries a cookie, its Origin and Sec-Fetch-Site. */
export interface WriteRequestFacts {
  method: string;
  hasCookie: boolean;
  origin: string | null;
  secFetchSite: string | null;
}

/**
 * Is this a state-changing request a browser may have sent on another site's behalf? A write that carries a
 * cookie must name one of `ownOrigins` in its Origin header or say `Sec-Fetch-Site: same-origin`; without a
 * cookie it carries no session to abuse (and is refused as unauthenticated anyway). A missing Origin is not
 * trusted: every browser sends one on a cross-origin POST, and a same-origin client can send one too.
 * Returns why it is refused, or null.
 */
export function crossSiteWriteRefusal(request: WriteRequestFacts, ownOrigins: string[]): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.hasCookie) return null;
  if (request.secFetchSite?.toLowerCase() === "same-origin") return null;
  if (request.origin && ownOrigins.includes(request.origin.toLowerCase())) return null;
  return request.origin
    ? `Requests from ${request.origin} may not change anything here.`
    : "A signed-in write must carry an Origin header naming this site.";
}

/** The origins this app answers on: the one the request was addressed to (Host, behind a proxy X-Forwarded-*), and NEXTAUTH_URL's. */
export function ownOriginsOf(request: Request, configuredUrl = process.env.NEXTAUTH_URL): string[] {
  const origins: string[] = [];
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(/:$/, "");
  if (host) origins.push(`${protocol}://${host}`.toLowerCase());
  if (configuredUrl && URL.canParse(configuredUrl)) origins.push(new URL(configuredUrl).origin.toLowerCase());
  return origins;
}

export function writeRequestFacts(request: Request): WriteRequestFacts {
  return {
    method: request.method,
    hasCookie: Boolean(request.headers.get("cookie")),
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
  };
}
