/** Next.js's own limit for a request body: every page write except the ones that carry files. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * The new-ticket form and a portal reply carry up to 5 files of 10 MB each (lib/attachments/prepare-uploads.ts).
 * next.config.ts sets this as the server-action limit for every action, as Next.js cannot scope it per
 * action: the proxy holds the other pages to the default.
 */
export const FILE_BODY_LIMIT_BYTES = 52 * 1024 * 1024;

/**
 * Pages whose server actions take files: /portal (the new-ticket form), /portal/tickets/<number> (a reply)
 * and /queue/tickets/<number> (a staff reply or note).
 */
const FILE_PAGES = [/^\/portal\/?$/, /^\/portal\/tickets\/[^/]+\/?$/, /^\/queue\/tickets\/[^/]+\/?$/];

export function bodyLimitFor(pathname: string): number {
  return FILE_PAGES.some((page) => page.test(pathname)) ? FILE_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}

/**
 * Is a page request's body over `limit`? Decided from its headers before anything reads it: the declared
 * Content-Length, and a body sent without one (chunked) counts as too large, since its size is unknown
 * until it has been read. Returns why, or null.
 */
export function bodySizeRefusal(request: { contentLength: string | null; transferEncoding: string | null }, limit: number): string | null {
  const megabytes = `${Math.round(limit / 1024 / 1024)} MB`;
  if (request.contentLength === null) return request.transferEncoding ? `Send the body with a Content-Length of at most ${megabytes}.` : null;
  const length = Number(request.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return "The Content-Length is not a number of bytes.";
  return length > limit ? `The body is over ${megabytes}.` : null;
}
