import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddressFrom } from "@/lib/client-address";
import { logRequest } from "./log";
import { observeRequest } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";
import { routeOf, type RouteTable } from "./route-table";

const MAX_LOGGED_PATH = 512;

/** The path of a request target, without its query string, cut to a length a log line can carry. */
export function pathOf(target: string | undefined): string {
  const path = (target ?? "/").split("?")[0]!.split("#")[0]!;
  return (path.startsWith("/") ? path : `/${path}`).slice(0, MAX_LOGGED_PATH);
}

/**
 * Gives the request its id (a well-formed incoming X-Request-Id, else a new one: on the request for the app to
 * read, and on the response), and when the response ends (or the client goes away) counts it in the metrics
 * and writes its log line. Call it after the client address header is set.
 */
export function observeHttp(request: IncomingMessage, response: ServerResponse, routes: RouteTable | null): void {
  const started = performance.now();
  const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader("X-Request-Id", requestId);
  response.once("close", () => {
    const durationMs = performance.now() - started;
    const path = pathOf(request.url);
    const route = routeOf(path, routes);
    observeRequest(request.method, route, response.statusCode, durationMs / 1000);
    logRequest({
      requestId,
      method: request.method ?? "",
      route,
      path,
      status: response.statusCode,
      durationMs,
      clientAddress: clientAddressFrom(request.headers),
      aborted: !response.writableFinished,
    });
  });
}
