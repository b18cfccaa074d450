import { expect, type APIRequestContext } from "@playwright/test";
import { ADMIN, apiSignIn } from "./helpers";

/** A title of 200 characters with no space to break at: what the queue must truncate, never widen for. */
export const LONG_UNBROKEN_TITLE = "Unbroken".padEnd(200, "x");

/**
 * A customer whose name (120 characters, the longest allowed) has no space in it, signed in
 * on a request context of their own: the queue's customer cell must stay one line at any width.
 */
export async function longNamedCustomer(request: APIRequestContext, baseURL: string, playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }): Promise<APIRequestContext> {
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    await apiSignIn(admin, "staff", ADMIN.userId, ADMIN.password);
    const userId = `LONG${Date.now().toString(36)}`.slice(0, 32);
    const created = await admin.post("/api/v1/admin/people", {
      data: { userId, name: "Longname".padEnd(120, "n"), role: "CUSTOMER", organization: "acme" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    await apiSignIn(request, "customer", userId, secret);
    return request;
  } finally {
    await admin.dispose();
  }
}
