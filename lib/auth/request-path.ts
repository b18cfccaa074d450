/** Set by proxy.ts on page requests: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-tierdesk-request-path";
