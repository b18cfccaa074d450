// Requests are counted and logged per route, not per path: /api/v1/tickets/INC-000123 is the route
// /api/v1/tickets/[number]. The routes are the app's own (route-patterns.ts reads them from app/ and public/),
// so a path no route serves (a scanner's guess) adds no new label: it is [unmatched].

type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "catchAll" } | { kind: "optionalCatchAll" };

// How specific a segment is, as Next.js ranks routes: a static segment wins over [x], [x] over [...x].
const RANK: Record<Segment["kind"], number> = { static: 0, dynamic: 1, catchAll: 2, optionalCatchAll: 3 };

export interface RouteTable {
  exact: Map<string, string>;
  patterns: { pattern: string; segments: Segment[] }[];
}

export const UNMATCHED_ROUTE = "[unmatched]";

const segmentsOf = (path: string) => path.split("/").filter(Boolean);

function parseSegment(segment: string): Segment {
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment)) return { kind: "optionalCatchAll" };
  if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return { kind: "catchAll" };
  if (/^\[[^\]]+\]$/.test(segment)) return { kind: "dynamic" };
  return { kind: "static", value: segment };
}

/** A table of route patterns as Next.js writes them: /queue, /api/v1/tickets/[number], /api/auth/[...nextauth]. */
export function routeTableOf(patterns: Iterable<string>): RouteTable {
  const table: RouteTable = { exact: new Map(), patterns: [] };
  for (const pattern of new Set(patterns)) {
    const segments = segmentsOf(pattern).map(parseSegment);
    if (segments.every((s) => s.kind === "static")) table.exact.set(`/${segmentsOf(pattern).join("/")}`, pattern);
    else table.patterns.push({ pattern, segments });
  }
  return table;
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catchAll") return parts.length > i;
    if (segment.kind === "optionalCatchAll") return true;
    if (i >= parts.length) return false;
    if (segment.kind === "static" && segment.value !== parts[i]) return false;
  }
  return segments.length === parts.length;
}

/** -1 when `a` is the more specific pattern. */
function moreSpecific(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = RANK[a[i]?.kind ?? "static"] - RANK[b[i]?.kind ?? "static"];
    if (difference !== 0) return difference;
  }
  return b.length - a.length;
}

/**
 * The route a path belongs to: with a table, the most specific pattern that matches (or [unmatched]); without one
 * (a dev server, a test), the path with its ids and numbers replaced by placeholders.
 */
export function routeOf(pathname: string, table: RouteTable | null): string {
  const parts = segmentsOf(pathname);
  if (!table) return placeholderPath(parts);
  const exact = table.exact.get(`/${parts.join("/")}`);
  if (exact) return exact;
  let best: { pattern: string; segments: Segment[] } | null = null;
  for (const candidate of table.patterns) {
    if (matches(candidate.segments, parts) && (!best || moreSpecific(candidate.segments, best.segments) < 0)) best = candidate;
  }
  return best?.pattern ?? UNMATCHED_ROUTE;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TICKET_NUMBER = /^(INC|REQ)-\d+$/i;
const NUMBER = /^\d+$/;
// A long token of letters and digits with at least one digit: a hash, a build id, an opaque key.
const OPAQUE = /^(?=.*\d)[A-Za-z0-9_-]{16,}$/;

function placeholderPath(parts: string[]): string {
  const placed = parts.map((part) => {
    if (UUID.test(part)) return "[id]";
    if (TICKET_NUMBER.test(part)) return "[number]";
    if (NUMBER.test(part)) return "[n]";
    if (OPAQUE.test(part)) return "[id]";
    return part;
  });
  return `/${placed.join("/")}`;
}
