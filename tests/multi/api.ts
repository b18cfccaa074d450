// Plain fetch against either instance, as a signed-in person (a session cookie, which either instance
// accepts since they share NEXTAUTH_SECRET) or as an API token's holder.
import { signInCookie } from "../api/session";
import type { LoginKind } from "../e2e/helpers";
import type { Instance } from "./cluster";

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface Caller {
  /** Sends `method path` to `instance` (a JSON body when given); a cookie-carrying write names the instance as its origin. */
  call<T = Record<string, unknown>>(instance: Instance, method: string, path: string, body?: unknown): Promise<Reply<T>>;
  /** The same with a form (multipart) body or none, answering the response as it came. */
  raw(instance: Instance, method: string, path: string, form?: FormData): Promise<Response>;
}

function caller(credentials: { cookie: string } | { bearer: string }): Caller {
  const headersFor = (instance: Instance): Record<string, string> =>
    "cookie" in credentials ? { cookie: credentials.cookie, origin: instance.url } : { authorization: `Bearer ${credentials.bearer}` };
  return {
    async call<T>(instance: Instance, method: string, path: string, body?: unknown): Promise<Reply<T>> {
      const headers = headersFor(instance);
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(`${instance.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    raw: (instance, method, path, form) => fetch(`${instance.url}${path}`, { method, headers: headersFor(instance), body: form }),
  };
}

/** Signs in on `instance` through next-auth's credentials endpoint, as the login page does. */
export async function signIn(instance: Instance, kind: LoginKind, userId: string, secret: string): Promise<Caller> {
  return caller({ cookie: await signInCookie(instance.url, kind, userId, secret) });
}

export function withToken(token: string): Caller {
  return caller({ bearer: token });
}

export interface OpenedTicket {
  number: string;
}

/** A customer opens an incident on `instance`; fails the test unless it was created. */
export async function openTicket(customer: Caller, instance: Instance, title: string, extra: Record<string, unknown> = {}): Promise<OpenedTicket> {
  const reply = await customer.call<{ ticket: OpenedTicket }>(instance, "POST", "/api/v1/tickets", {
    type: "INCIDENT",
    title,
    description: `Opened on instance ${instance.name} by the two-instance journeys.`,
    category: "data",
    ...extra,
  });
  if (reply.status !== 201) throw new Error(`Opening "${title}" on ${instance.name} → ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body.ticket;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
