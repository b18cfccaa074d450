import { expect, expectError, expectOk, test } from "./fixtures";
import { createToken } from "./tokens";
import { uniqueTitle } from "./tickets";

/** Reads an event stream until `pattern` shows, then lets it go (the stream itself never ends). */
async function readUntil(body: ReadableStream<Uint8Array> | null, pattern: RegExp): Promise<string> {
  expect(body).not.toBeNull();
  const reader = body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (!pattern.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

test("the live stream: a customer's own ticket changes pushed by cookie, a token with tickets:read, 400 and 401", async ({ api }) => {
  const customer = await api.as("customer");
  const opened = await customer.GET("/api/v1/stream", { parseAs: "stream" });
  expect(opened.response.status).toBe(200);
  expect(opened.response.headers.get("content-type")).toContain("text/event-stream");
  const ready = await readUntil(opened.data as ReadableStream<Uint8Array>, /event: ready\n/);
  const lastEventId = /^id: (.+)$/m.exec(ready)![1]!;

  // Changes while away come back on reconnect with the id last seen.
  const { ticket } = expectOk(
    await customer.POST("/api/v1/tickets", { body: { type: "INCIDENT", title: uniqueTitle("Stream"), description: "Pushed to its customer.", category: "platform" } }),
    201,
  );
  const resumed = await customer.GET("/api/v1/stream", { params: { header: { "Last-Event-ID": lastEventId } }, parseAs: "stream" });
  const replay = await readUntil(resumed.data as ReadableStream<Uint8Array>, new RegExp(`"number":"${ticket.number}"`));
  expect(replay).toContain("event: ticket");
  expect(replay).not.toContain("event: refetch");

  const admin = await api.as("admin");
  const { token } = await createToken(admin, { name: "Stream reader", scopes: ["tickets:read"], serviceAccount: { userId: "api-stream-bot", role: "AGENT", tier: "L1" } });
  const bot = await api.withToken(token).GET("/api/v1/stream", { params: { query: { ticket: ticket.number } }, parseAs: "stream" });
  expect(bot.response.status).toBe(200);
  expect(await readUntil(bot.data as ReadableStream<Uint8Array>, /event: ready\n/)).toMatch(/^retry: \d+$/m);

  // Told someone opened the ticket, a page asks who is there without recording a heartbeat of its own.
  const l2 = await api.as("l2");
  expect(expectOk(await l2.GET("/api/v1/tickets/{number}/presence", { params: { path: { number: ticket.number } } })).viewers).toEqual([]);

  expectError(await customer.GET("/api/v1/stream", { params: { query: { ticket: "not-a-ticket" } } }), 400, "VALIDATION");
  expectError(await api.anonymous.GET("/api/v1/stream"), 401, "UNAUTHENTICATED");
});
