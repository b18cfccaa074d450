/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts it on
 * its own script tags when it finds it in the request's policy) or when such a script loads them
 * ('strict-dynamic'); development adds 'unsafe-eval' for React's debugging tools. Styles may be inline:
 * server-rendered style attributes (charts, widths) need it, and a style cannot run code. Images come from
 * this site or data: URLs only, so Markdown cannot make a reader's browser call another host.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS for a year, only when the page was served over HTTPS: behind a proxy that says so, or at an https NEXTAUTH_URL. */
export function strictTransportSecurity(forwardedProto: string | null, configuredUrl: string | undefined): string | null {
  const https = forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https" || /^https:\/\//i.test(configuredUrl ?? "");
  return https ? "max-age=31536000; includeSubDomains" : null;
}

/** A fresh nonce per response: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
