import { isIP } from "node:net";

/**
 * The client's address as the nearest proxy reports it (Next.js sets X-Forwarded-For to the socket's
 * address when the client sent none). Run behind a proxy that overwrites the header, or a client can
 * choose its address; the per-account back-off holds either way.
 */
export function clientAddressFrom(headers: Record<string, unknown> | Headers): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const first = String(Array.isArray(raw) ? raw[0] : (raw ?? "")).split(",")[0]?.trim() ?? "";
  const address = first.replace(/^::ffff:/, "");
  return isIP(address) ? address : null;
}
