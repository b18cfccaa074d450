import { isIP } from "node:net";

/**
 * The client's address as the app's own server (scripts/serve.ts) decided it from the socket and
 * TRUST_PROXY; it overwrites whatever a client sends under this name.
 */
export const CLIENT_ADDRESS_HEADER = "x-tierdesk-client-address";

/** The key of clients whose address is not known: they share one back-off rather than escape it. */
export const UNKNOWN_ADDRESS = "unknown";

const normalized = (raw: string | undefined) => {
  const address = (raw ?? "").trim().replace(/^::ffff:/, "");
  return isIP(address) ? address : null;
};

/** TRUST_PROXY: how many proxies in front of the app append to X-Forwarded-For (0, the default: none, the header is ignored). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUST_PROXY must be a whole number of proxy hops (0–10), not "${value}".`);
  return hops;
}

/**
 * The client's address: with no trusted proxy, the socket's; behind `hops` trusted proxies, the
 * X-Forwarded-For entry `hops` from the right (the nearest proxy appends last). An entry that is missing
 * or not an address falls back to the socket's, never to no address at all.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const socket = normalized(socketAddress) ?? UNKNOWN_ADDRESS;
  if (hops <= 0) return socket;
  const chain = [forwardedFor ?? []].flat().flatMap((h) => h.split(","));
  return normalized(chain[chain.length - hops]) ?? socket;
}

/** The address of a request to the app (the header scripts/serve.ts sets); unknown when it is absent (`next dev`). */
export function clientAddressFrom(headers: Record<string, unknown> | Headers): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return normalized(typeof raw === "string" ? raw : undefined) ?? UNKNOWN_ADDRESS;
}
