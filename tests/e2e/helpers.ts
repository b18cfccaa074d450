import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/**
 * Demo users seeded into every fresh e2e database (lib/seed/demo-data.ts).
 *
 * Failed logins are throttled per user ID (3 free failures) and per client address (10 free failures,
 * counted over the whole run, since every test comes from 127.0.0.1). The suite keeps its deliberate
 * failures to a handful, each on a different user ID: see login.spec.ts.
 */
export const CUSTOMER_ACME = { userId: "C1001", pin: "246810", name: "Carla Customer" } as const;
export const CUSTOMER_GLOBEX = { userId: "C1002", pin: "135790", name: "Gus Globex" } as const;
export const L1_AGENT = { userId: "l1agent", password: "l1agent-demo-pass", name: "Lena First" } as const;
export const L1_AGENT_2 = { userId: "l1agent2", password: "l1agent2-demo-pass", name: "Leo First" } as const;
export const L2_AGENT = { userId: "l2agent", password: "l2agent-demo-pass", name: "Priya Second" } as const;
export const L3_AGENT = { userId: "l3agent", password: "l3agent-demo-pass", name: "Theo Third" } as const;
export const MANAGER = { userId: "manager", password: "manager-demo-pass", name: "Mia Manager", home: /\/dashboard$/ } as const;
/** /admin opens the admin home: one card per section. */
export const ADMIN = { userId: "admin", password: "admin-demo-pass", name: "Ada Admin", home: /\/admin$/ } as const;

export type LoginKind = "customer" | "staff";

/** A title no other test uses, so a row can be found by it. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Waits until React has hydrated the first form on the page. Before that, the login form would be
 * submitted natively (a GET with the credentials in the URL) and the toggle buttons do nothing.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const form = document.querySelector("form");
    return form !== null && Object.keys(form).some((key) => key.startsWith("__reactFiber$") || key.startsWith("__reactProps$"));
  });
}

/**
 * Presses a page shortcut until `opened` shows. A hydrated form does not mean every part of the page listens yet
 * (React hydrates and runs effects part by part), and a key pressed before the shortcut's listener is there is
 * lost, as it would be for a person; pressing again once the thing is open does nothing (shortcuts are ignored
 * while a dialog is open).
 */
export async function pressShortcut(page: Page, key: string, opened: Locator): Promise<void> {
  await expect(async () => {
    if (!(await opened.isVisible())) await page.keyboard.press(key);
    await expect(opened).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Opens /login and fills in the form for `kind`, as a person would, and presses "Sign in". */
export async function submitLogin(page: Page, kind: LoginKind, userId: string, secret: string): Promise<void> {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByRole("button", { name: kind === "customer" ? "Customer" : "Support staff" }).click();
  await expect(page.getByRole("button", { name: kind === "customer" ? "Customer" : "Support staff" })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("User ID").fill(userId);
  await page.getByLabel(kind === "customer" ? "PIN" : "Password", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs a customer in through the login page and waits for the portal. */
export async function loginAsCustomer(page: Page, user: { userId: string; pin: string; name: string } = CUSTOMER_ACME): Promise<void> {
  await submitLogin(page, "customer", user.userId, user.pin);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("banner")).toContainText(`${user.name} (${user.userId})`);
}

/** Signs a staff member in through the login page and waits for their home: agents the queue, managers the dashboard, admins the admin pages. */
export async function loginAsStaff(page: Page, user: { userId: string; password: string; name: string; home?: RegExp } = L1_AGENT): Promise<void> {
  await submitLogin(page, "staff", user.userId, user.password);
  await expect(page).toHaveURL(user.home ?? /\/queue$/);
  await expect(page.getByRole("banner")).toContainText(user.name);
}

/** Clicks "Sign out" in the header and waits for the login page. */
export async function signOutViaUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

/** Asserts that visiting `path` without a session lands on the login page, and returns the callbackUrl it carries. */
export async function expectRedirectedToLogin(page: Page, path: string): Promise<string | null> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  return new URL(page.url()).searchParams.get("callbackUrl");
}

export interface NewTicket {
  type?: "INCIDENT" | "SERVICE_REQUEST";
  title: string;
  description: string;
  /** The category's visible name in the select, e.g. "Platform outage or error". */
  category: string;
  /** Visible option labels of the optional selects, e.g. "Just me", "Work has stopped". */
  impact?: string;
  urgency?: string;
}

/** Fills in the portal's "New ticket" form (the page must be /portal). */
export async function fillNewTicketForm(page: Page, ticket: NewTicket): Promise<void> {
  await waitForHydration(page);
  await page
    .getByRole("radio", { name: ticket.type === "SERVICE_REQUEST" ? /service request/i : /incident/i })
    .check();
  await page.getByLabel("Title").fill(ticket.title);
  await page.getByLabel("Description").fill(ticket.description);
  await page.getByLabel("Category").selectOption({ label: ticket.category });
  if (ticket.impact) await page.getByLabel("Who is affected?").selectOption({ label: ticket.impact });
  if (ticket.urgency) await page.getByLabel("How urgent is it?").selectOption({ label: ticket.urgency });
}

/** Opens a ticket through the portal form and returns its number as the confirmation shows it. */
export async function openTicketViaPortal(page: Page, ticket: NewTicket): Promise<string> {
  await page.goto("/portal");
  await fillNewTicketForm(page, ticket);
  await page.getByRole("button", { name: "Open ticket" }).click();
  const confirmation = page.getByRole("status");
  await expect(confirmation).toContainText("created");
  const number = (await confirmation.getByTestId("created-ticket-number").textContent())?.trim() ?? "";
  expect(number).toMatch(ticket.type === "SERVICE_REQUEST" ? /^REQ-\d{6}$/ : /^INC-\d{6}$/);
  return number;
}

// ---- API (Playwright's request fixture) ----

/** Signs in through next-auth's credentials callback; the context keeps the session cookie. */
export async function apiSignIn(request: APIRequestContext, kind: LoginKind, userId: string, secret: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${kind}`, {
    form: { csrfToken, userId, [kind === "customer" ? "pin" : "password"]: secret, json: "true" },
  });
  expect(response.status()).toBe(200);
  const { url } = (await response.json()) as { url: string };
  expect(url, "next-auth reports a sign-in error in the returned URL").not.toContain("error=");
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { userId?: string } };
  expect(session.user?.userId).toBe(kind === "customer" ? userId.toUpperCase() : userId.toLowerCase());
}

/** Signs out through next-auth (the server records the session as revoked). */
export async function apiSignOut(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(response.status()).toBe(200);
}
