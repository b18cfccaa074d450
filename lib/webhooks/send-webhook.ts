// One HTTP attempt of a delivery. node:http never follows a redirect, so a 3xx is an answer like any other
// non-2xx: a failure. The host name is resolved once, every address it gives is checked, and the connection
// goes to the checked addresses themselves (the `lookup` hook), so a name that resolves differently a moment
// later (DNS rebinding) cannot slip a private address past the check.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { addressRefusal, urlHostRefusal } from "./address-policy";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
}

export interface WebhookResponse {
  /** The HTTP status, or null when none came (refused address, network error, timeout). */
  status: number | null;
  durationMs: number;
  error: string | null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses the whole name when any address it resolves to is refused. */
function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => addressRefusal(a.address));
      if (refused) return callback(Object.assign(new Error(`${hostname} resolves to ${refused.address}, ${addressRefusal(refused.address)}: webhooks do not go there.`), { code: "EREFUSEDADDRESS" }), []);
      if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const literalRefusal = request.allowPrivate ? null : urlHostRefusal(url);
  if (literalRefusal) return { status: null, durationMs: 0, error: `${url.hostname} is ${literalRefusal}: webhooks do not go there.` };
  const timeoutMs = request.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<WebhookResponse>((resolve) => {
    const req = transport.request(
      url,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        ...(isIP(url.hostname.replace(/^\[|\]$/g, "")) ? {} : { lookup: checkedLookup(request.allowPrivate) }),
      },
      (response) => {
        // The body is not kept: drain it so the connection closes cleanly.
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: null }));
        response.on("error", (error) => resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: error.message }));
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => resolve({ status: null, durationMs: elapsed(), error: error.message }));
    req.end(request.body);
  });
}
