// Which addresses a webhook may reach. Outbound requests go to addresses an admin typed, so without a
// check a URL could reach the server's own loopback, the cloud metadata service (169.254.169.254) or hosts
// on the private network behind it. Pure: lib/webhooks/safe-lookup.ts applies it to every resolved address.
import { isIP } from "node:net";

type Range = readonly [base: bigint, prefix: number, why: string];

const v4 = (dotted: string): bigint => dotted.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);

const IPV4_RANGES: Range[] = [
  [v4("0.0.0.0"), 8, "an unspecified address"],
  [v4("10.0.0.0"), 8, "a private address"],
  [v4("100.64.0.0"), 10, "a shared (carrier-grade NAT) address"],
  [v4("127.0.0.0"), 8, "a loopback address"],
  [v4("169.254.0.0"), 16, "a link-local address"],
  [v4("172.16.0.0"), 12, "a private address"],
  [v4("192.0.0.0"), 24, "a reserved address"],
  [v4("192.168.0.0"), 16, "a private address"],
  [v4("198.18.0.0"), 15, "a benchmarking address"],
  [v4("224.0.0.0"), 4, "a multicast address"],
  [v4("240.0.0.0"), 4, "a reserved address"],
];

/** The 128 bits of an IPv6 address, "::" and a trailing dotted quad included; null when it is not one. */
function v6(address: string): bigint | null {
  let text = address.replace(/%.*$/, "");
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4(quad[1]!);
    text = text.slice(0, -quad[1]!.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  if (groups.length !== 8) return null;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

const IPV6_RANGES: Range[] = [
  [0n, 128, "an unspecified address"],
  [1n, 128, "a loopback address"],
  [v6("fe80::")!, 10, "a link-local address"],
  [v6("fc00::")!, 7, "a unique-local (private) address"],
  [v6("ff00::")!, 8, "a multicast address"],
  [v6("2001:db8::")!, 32, "a documentation address"],
];

/** IPv6 forms that carry an IPv4 address inside: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible, NAT64. */
const EMBEDDED_V4: readonly (readonly [bigint, number])[] = [
  [v6("::ffff:0:0")!, 96],
  [0n, 96],
  [v6("64:ff9b::")!, 96],
];

const inRange = (n: bigint, base: bigint, prefix: number, bits: number) => n >> BigInt(bits - prefix) === base >> BigInt(bits - prefix);

/** Why a request must not go to `address` (an IP literal), or null when it may. A non-address is refused too. */
export function addressRefusal(address: string): string | null {
  const family = isIP(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  const bare = address.replace(/^\[|\]$/g, "");
  if (family === 4) {
    const n = v4(bare);
    return IPV4_RANGES.find(([base, prefix]) => inRange(n, base, prefix, 32))?.[2] ?? null;
  }
  if (family !== 6) return "not an IP address";
  const n = v6(bare);
  if (n === null) return "not an IP address";
  const own = IPV6_RANGES.find(([base, prefix]) => inRange(n, base, prefix, 128));
  if (own) return own[2];
  const embedding = EMBEDDED_V4.find(([base, prefix]) => inRange(n, base, prefix, 128));
  if (embedding) {
    const inner = n & 0xffffffffn;
    const dotted = [24n, 16n, 8n, 0n].map((s) => String((inner >> s) & 0xffn)).join(".");
    return addressRefusal(dotted);
  }
  return null;
}

/** May webhooks reach private, loopback and link-local addresses (tests, and a desk inside one network)? */
export function privateAddressesAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Why a webhook URL is refused before any lookup (its host a refused IP literal, or a localhost name), or null. */
export function urlHostRefusal(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return "a loopback address";
  return isIP(host) ? addressRefusal(host) : null;
}
