import { CUSTOMER_ACME, L1_AGENT, apiSignIn } from "./helpers";
import { expect, test } from "./people";

// The queue streams in behind its loading skeleton, and React reveals it on an animation frame (a tab opened in
// the background has none until it is shown). The tab's live stream may open before that. The server's rows must
// then still be the ones hydrated: the page never holds a second copy of a ticket's row or card, not even hidden.

/** From the first paint: every moment a ticket's row or card is in the document twice, with where each copy is. */
function recordTwice(): void {
  const seen = new Set<string>();
  (window as unknown as { twice: Set<string> }).twice = seen;
  const where = (element: Element) => {
    const path: string[] = [];
    for (let e: Element | null = element; e && e !== document.body; e = e.parentElement) path.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.hasAttribute("hidden") ? "[hidden]" : ""}`);
    return path.join(" > ");
  };
  new MutationObserver(() => {
    const copies = new Map<string, Element[]>();
    for (const link of document.querySelectorAll("tr [data-ticket], li [data-card-ticket]")) {
      const key = link.getAttribute("data-ticket") ?? `card ${link.getAttribute("data-card-ticket")}`;
      copies.set(key, [...(copies.get(key) ?? []), link]);
    }
    for (const [key, links] of copies) if (links.length > 1) seen.add(`${key}: ${links.map(where).join(" | ")}`);
  }).observe(document, { childList: true, subtree: true });
}

test("a queue revealed after the live stream opened shows each ticket once, from the first paint", async ({ signedIn, playwright, baseURL }) => {
  const customer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const word = `streamed${Date.now().toString(36)}`;
  const created = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: `Queue ${word}`, description: "Opened for the streaming test.", category: "platform" } });
  expect(created.status(), await created.text()).toBe(201);
  const { number } = ((await created.json()) as { ticket: { number: string } }).ticket;
  await customer.dispose();

  const lena = await signedIn(L1_AGENT);
  await lena.addInitScript(recordTwice);
  // No animation frame or timer runs until resume(): the queue waits behind its skeleton as in a background tab.
  await lena.clock.install();
  await lena.clock.pauseAt(Date.now() + 1_000);
  await lena.goto(`/queue?view=unassigned&q=${word}`);
  await expect(lena.locator('[data-live-state="open"]')).toHaveCount(1);
  const twice = () => lena.evaluate(() => [...(window as unknown as { twice: Set<string> }).twice]);
  expect(await twice()).toEqual([]);
  await expect(lena.locator("main").getByText("Loading the queue…")).toBeAttached();

  await lena.clock.resume();
  await expect(lena.locator("main").getByRole("row").filter({ has: lena.locator(`[data-ticket="${number}"]`) })).toBeVisible();
  await expect(lena.locator(`[data-ticket="${number}"]`)).toHaveCount(1);
  expect(await twice()).toEqual([]);
});
