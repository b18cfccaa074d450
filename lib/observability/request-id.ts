import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// What a proxy or a client may send as its own request id: letters, digits and a few separators (no spaces,
// quotes or control characters, so it cannot break a log line or a header), at most 128 characters.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}$/;

/** The incoming X-Request-Id when it is one well-formed value, so a proxy's id follows the request; else null. */
export function acceptedRequestId(header: string | string[] | undefined | null): string | null {
  if (typeof header !== "string") return null;
  const id = header.trim();
  return WELL_FORMED.test(id) ? id : null;
}

/** The request's id: the incoming one when well-formed, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined | null): string {
  return acceptedRequestId(header) ?? randomUUID();
}
