import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, apiSignIn, apiSignOut, uniqueTitle } from "./helpers";

// API clients with a session cookie say they are this site, as a browser does for the app's own writes
// (lib/http/cross-site-write.ts): the request fixture sends the Origin a same-origin fetch would.
test.use({ extraHTTPHeaders: async ({ baseURL }, provide) => provide({ origin: String(baseURL) }) });

const TICKETS = "/api/v1/tickets";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Ticket {
  number: string;
  customer: { userId: string };
  [key: string]: unknown;
}
interface TicketPage {
  tickets: Ticket[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

const validTicket = (title = uniqueTitle("API ticket")) => ({
  type: "INCIDENT",
  title,
  description: "Opened through the API by the e2e suite.",
  category: "platform",
});

async function createTicket(request: APIRequestContext, title?: string): Promise<Ticket> {
  const response = await request.post(TICKETS, { data: validTicket(title) });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { ticket: Ticket }).ticket;
}

async function expectError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body;
}

/** Every ticket of the list, page by page, following nextCursor. */
async function listAllPages(request: APIRequestContext, limit: number): Promise<{ numbers: string[]; pages: number }> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const response = await request.get(`${TICKETS}${query}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as TicketPage;
    expect(page.tickets.length).toBeLessThanOrEqual(limit);
    numbers.push(...page.tickets.map((t) => t.number));
    cursor = page.nextCursor;
    pages++;
    expect(pages, "pagination terminates").toBeLessThan(1000);
  } while (cursor);
  return { numbers, pages };
}

test.describe("tickets API", () => {
  test("answers 401 without a session", async ({ request }) => {
    await expectError(await request.get(TICKETS), 401, "UNAUTHENTICATED");
    await expectError(await request.post(TICKETS, { data: validTicket() }), 401, "UNAUTHENTICATED");
    await expectError(await request.get(`${TICKETS}/INC-000001`), 401, "UNAUTHENTICATED");
  });

  test("creates a ticket: 201 in the customer view; staff read the documented staff shape", async ({ request, playwright, baseURL }) => {
    await apiSignIn(request, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const input = validTicket();
    const response = await request.post(TICKETS, { data: input });
    expect(response.status()).toBe(201);
    const { ticket } = (await response.json()) as { ticket: Record<string, unknown> & { number: string } };
    expect(response.headers()["location"]).toBe(`${TICKETS}/${ticket.number}`);

    // The customer's view: plain words, the support level, the update promise; no group, agent, clocks or codes.
    expect(Object.keys(ticket).sort()).toEqual(
      [
        "number", "type", "title", "description", "status", "statusLabel", "priorityLabel", "supportLevel", "category",
        "version", "nextUpdateAt", "lastActivityAt", "createdAt", "resolvedAt", "closedAt", "openedBy", "rating",
      ].sort(),
    );
    // Platform defaults to MEDIUM impact × HIGH urgency: P2 ("High") on the default matrix.
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^INC-\d{6}$/),
      type: "INCIDENT",
      title: input.title,
      description: input.description,
      status: "NEW",
      statusLabel: "Received",
      priorityLabel: "High",
      supportLevel: "Level 1 support",
      category: "Platform outage or error",
      version: 1,
      nextUpdateAt: expect.stringMatching(ISO),
      lastActivityAt: expect.stringMatching(ISO),
      createdAt: expect.stringMatching(ISO),
      resolvedAt: null,
      closedAt: null,
      // The customer opened it themselves: no "Service Desk" (that is for a contact staff logged for them).
      openedBy: null,
      rating: null,
    });

    // GET of the same ticket answers the same view.
    const read = await request.get(`${TICKETS}/${ticket.number}`);
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { ticket: Record<string, unknown> }).ticket).toEqual(ticket);

    // Staff read it in the documented staff shape: tier, priority, group, due times and clocks.
    const agent = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    try {
      await apiSignIn(agent, "staff", L1_AGENT.userId, L1_AGENT.password);
      const staffRead = await agent.get(`${TICKETS}/${ticket.number}`);
      expect(staffRead.status()).toBe(200);
      const staff = ((await staffRead.json()) as { ticket: Record<string, unknown> }).ticket;
      expect(Object.keys(staff).sort()).toEqual(
        [
          "number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency", "category",
          "customer", "group", "assignee", "externalReference", "version", "createdAt", "updatedAt", "due",
          "clocks", "firstRespondedAt", "resolvedAt",
        ].sort(),
      );
      expect(staff).toMatchObject({
        number: ticket.number,
        type: "INCIDENT",
        status: "NEW",
        tier: "L1",
        priority: "P2",
        impact: "MEDIUM",
        urgency: "HIGH",
        category: { slug: "platform", name: "Platform outage or error" },
        customer: { userId: CUSTOMER_ACME.userId, name: CUSTOMER_ACME.name },
        group: { slug: "service-desk", name: "Service Desk", tier: "L1" },
        assignee: null,
        externalReference: null,
        version: 1,
        createdAt: ticket.createdAt,
        updatedAt: expect.stringMatching(ISO),
      });
      const due = staff.due as Record<string, string>;
      expect(Object.keys(due).sort()).toEqual(["firstResponseAt", "nextUpdateAt", "resolutionAt", "tierBudgetEndsAt"]);
      for (const value of Object.values(due)) expect(value).toMatch(ISO);
      expect(due.nextUpdateAt).toBe(ticket.nextUpdateAt);
      // A new ticket: its customer clock runs, no tier time used yet, no first response.
      expect(staff).toMatchObject({
        clocks: { customerClockRunning: true, tierSecondsUsed: { L1: 0, L2: 0, L3: 0 }, vendorSecondsUsed: 0, vendorClockRunning: false },
        firstRespondedAt: null,
        resolvedAt: null,
      });
    } finally {
      await agent.dispose();
    }
  });

  test("refuses invalid input with 400 and the fields at fault, and creates nothing", async ({ request }) => {
    await apiSignIn(request, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const before = ((await (await request.get(`${TICKETS}?limit=1`)).json()) as TicketPage).tickets[0]?.number ?? null;

    const response = await request.post(TICKETS, {
      data: { type: "COMPLAINT", title: " ", description: "", category: "Not a slug!", impact: "HUGE" },
    });
    const body = await expectError(response, 400, "VALIDATION");
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["category", "description", "impact", "title", "type"]);
    expect(body.error.fields).toMatchObject({
      type: ["Choose incident or service request."],
      title: ["Enter a title of at least 3 characters."],
      description: ["Describe what happened."],
      category: ["Choose a category."],
    });

    // A well-formed slug that is not a category is refused by name too.
    const unknownCategory = await request.post(TICKETS, { data: { ...validTicket(), category: "no-such-category" } });
    expect((await expectError(unknownCategory, 400, "VALIDATION")).error.fields).toEqual({
      category: ["Choose one of the listed categories."],
    });

    // Malformed JSON is a 400 as well.
    const malformed = await request.post(TICKETS, { headers: { "content-type": "application/json" }, data: "{\"title\":" });
    await expectError(malformed, 400, "VALIDATION");

    const after = ((await (await request.get(`${TICKETS}?limit=1`)).json()) as TicketPage).tickets[0]?.number ?? null;
    expect(after).toBe(before);
  });

  test("answers 415 for a text/plain body", async ({ request }) => {
    await apiSignIn(request, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const response = await request.post(TICKETS, {
      headers: { "content-type": "text/plain" },
      data: JSON.stringify(validTicket()),
    });
    await expectError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("answers 413 for a body over 1 MB", async ({ request }) => {
    await apiSignIn(request, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const body = JSON.stringify({ ...validTicket(), description: "x".repeat(1024 * 1024 + 16) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const response = await request.post(TICKETS, { headers: { "content-type": "application/json" }, data: body });
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
  });

  test("lists only the customer's own tickets, with keyset pagination", async ({ playwright, baseURL }) => {
    const acme = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const globex = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    try {
      await apiSignIn(acme, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      await apiSignIn(globex, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
      const acmeTickets = [await createTicket(acme), await createTicket(acme), await createTicket(acme)];
      const globexTicket = await createTicket(globex);

      // Globex sees its own ticket and none of Acme's.
      const globexList = (await (await globex.get(`${TICKETS}?limit=100`)).json()) as TicketPage;
      expect(globexList.tickets.map((t) => t.number)).toContain(globexTicket.number);
      // Customers get their own view: no customer, group, assignee or clocks in it.
      expect(globexList.tickets.every((t) => !("customer" in t) && !("group" in t) && !("assignee" in t) && !("clocks" in t))).toBe(true);
      for (const t of acmeTickets) expect(globexList.tickets.map((x) => x.number)).not.toContain(t.number);

      // Acme: newest first, and limit=1 pages through exactly the same tickets without duplicates.
      const acmeAll = (await (await acme.get(`${TICKETS}?limit=100`)).json()) as TicketPage;
      expect(acmeAll.nextCursor).toBeNull();
      const numbers = acmeAll.tickets.map((t) => t.number);
      expect(numbers).not.toContain(globexTicket.number);
      expect(numbers.slice(0, 3)).toEqual(acmeTickets.map((t) => t.number).reverse());

      const paged = await listAllPages(acme, 1);
      expect(new Set(paged.numbers).size).toBe(paged.numbers.length);
      expect(paged.numbers).toEqual(numbers);
      expect(paged.pages).toBe(numbers.length);

      const first = (await (await acme.get(`${TICKETS}?limit=1`)).json()) as TicketPage;
      expect(first.tickets).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await (await acme.get(`${TICKETS}?limit=1&cursor=${first.nextCursor}`)).json()) as TicketPage;
      expect(second.tickets[0]?.number).toBe(numbers[1]);

      // A bad query is a 400 with the field at fault.
      const bad = await expectError(await acme.get(`${TICKETS}?limit=0&cursor=abc`), 400, "VALIDATION");
      expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(["cursor", "limit"]);
    } finally {
      await acme.dispose();
      await globex.dispose();
    }
  });

  test("reads one ticket: 404 for another customer, 200 for an L1 agent", async ({ playwright, baseURL }) => {
    const acme = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const globex = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const agent = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    try {
      await apiSignIn(acme, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      const ticket = await createTicket(acme);

      await apiSignIn(globex, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
      const hidden = await expectError(await globex.get(`${TICKETS}/${ticket.number}`), 404, "NOT_FOUND");
      // Indistinguishable from a ticket that does not exist.
      const missing = await expectError(await globex.get(`${TICKETS}/INC-999999`), 404, "NOT_FOUND");
      expect(hidden).toEqual(missing);

      await apiSignIn(agent, "staff", L1_AGENT.userId, L1_AGENT.password);
      const read = await agent.get(`${TICKETS}/${ticket.number}`);
      expect(read.status()).toBe(200);
      expect(((await read.json()) as { ticket: Ticket }).ticket).toMatchObject({
        number: ticket.number,
        customer: { userId: CUSTOMER_ACME.userId },
      });

      // Staff open tickets only for a customer they name, with the channel of the contact (first-contact.spec.ts).
      await expectError(await agent.post(TICKETS, { data: validTicket() }), 400, "VALIDATION");
    } finally {
      await acme.dispose();
      await globex.dispose();
      await agent.dispose();
    }
  });

  test("a session cookie used after sign-out gets 401", async ({ playwright, request, baseURL }) => {
    await apiSignIn(request, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
    expect((await request.get(TICKETS)).status()).toBe(200);
    const saved = await request.storageState();
    expect(saved.cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

    await apiSignOut(request);
    await expectError(await request.get(TICKETS), 401, "UNAUTHENTICATED");

    // Replaying the cookie captured before sign-out does not bring the session back.
    const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) }, storageState: saved });
    try {
      await expectError(await replay.get(TICKETS), 401, "UNAUTHENTICATED");
      await expectError(await replay.post(TICKETS, { data: validTicket() }), 401, "UNAUTHENTICATED");
    } finally {
      await replay.dispose();
    }
  });
});
