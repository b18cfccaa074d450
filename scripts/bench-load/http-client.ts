// The load generator's HTTP: node:http with keep-alive connections per app instance (a browser reuses its
// connections too), each request timed from the moment it is sent to the last byte of its response.
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { Recorder } from "./recorder";

export interface Instance {
  name: string;
  port: number;
  /** http://127.0.0.1:<port>: the Origin a browser on this instance sends with a write. */
  origin: string;
  agent: http.Agent;
}

export function instanceAt(name: string, port: number): Instance {
  // An idle connection is dropped after 4 s, before the server's 5 s keep-alive timeout closes it under a request
  // just sent (a browser retries a GET that meets such a reset; here it would count as an error).
  return { name, port, origin: `http://127.0.0.1:${port}`, agent: new http.Agent({ keepAlive: true, maxSockets: 128, timeout: 4_000 }) };
}

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

export interface RequestOptions {
  cookie: string;
  /** A JSON body (sent with Content-Type application/json and the instance's Origin, as a same-site page would). */
  json?: unknown;
  accept?: string;
  /** The statuses that count as success (default 200). */
  expect?: number[];
}

/**
 * Sends one request as a signed-in browser would and records it under `route`; a status not in `expect` or a
 * network error is recorded as a failure (status 0 for the network). Never throws.
 */
export function send(recorder: Recorder, instance: Instance, route: string, method: string, path: string, options: RequestOptions): Promise<Reply> {
  const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const headers: http.OutgoingHttpHeaders = { Cookie: options.cookie, Accept: options.accept ?? "text/html,application/json" };
  if (body) {
    headers["Content-Type"] = "application/json";
    headers["Content-Length"] = body.length;
  }
  if (method !== "GET") headers.Origin = instance.origin;
  return new Promise((resolve) => {
    const start = performance.now();
    const done = (status: number, text: string) => {
      const ms = performance.now() - start;
      const ok = (options.expect ?? [200]).includes(status);
      if (ok) recorder.record(route, ms);
      else recorder.fail(route, status, status === 0 ? text : `${method} ${path}: ${text}`);
      resolve({ status, body: text, ms });
    };
    const req = http.request({ host: "127.0.0.1", port: instance.port, method, path, headers, agent: instance.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
      res.on("error", (error) => done(0, `response: ${error.message}`));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("no answer within 60 s")));
    req.on("error", (error) => done(0, `${method} ${path}: ${error.message}`));
    req.end(body);
  });
}

/** Ticket numbers named in a page or a JSON answer, in order of appearance, each once. */
export function ticketNumbersIn(text: string): string[] {
  return [...new Set(text.match(/\b(?:INC|REQ)-\d{6,}\b/g) ?? [])];
}
