import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { issuePin } from "@/lib/admin/issue-pin";
import { LIVE_CHANNEL, parseLiveChange, type LiveChange } from "@/lib/live/change";
import { LiveHub, type StreamAuth } from "@/lib/live/hub";
import { loadStreamUser } from "@/lib/live/stream-user";
import { subscriberFor } from "@/lib/live/subscriber";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { heartbeatTicketView } from "@/lib/tickets/presence";
import { actorFor } from "../fixtures/actors";
import { DATABASE_KINDS, describeEachDatabase, openTestDatabase, type TestDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-12-03T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const sessionOf = (actor: Actor, sid: string): StreamAuth => ({ kind: "session", sid, authTime: Math.floor(T0 / 1000), role: actor.role });

/** Reads a stream's text as it comes (without sleeping: tests wait for what they expect). */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  const decoder = new TextDecoder();
  const state = { text: "", done: false };
  const pumping = (async () => {
    for (;;) {
      const chunk = await source.read();
      if (chunk.done) break;
      state.text += decoder.decode(chunk.value, { stream: true });
    }
    state.done = true;
  })();
  return { state, ended: () => pumping, until: (pattern: RegExp) => vi.waitFor(() => expect(state.text).toMatch(pattern), { timeout: 10_000, interval: 10 }) };
}

describeEachDatabase("live updates over LISTEN/NOTIFY", (database) => {
  let carla: Actor;
  let gus: Actor;
  let lena: Actor;
  let leo: Actor;
  let admin: Actor;
  const heard: { payload: string; change: LiveChange | null }[] = [];
  let stopListening: () => Promise<void>;
  let hub: LiveHub;

  const changes = () => heard.map((h) => h.change);
  const eventsOf = (number: string) => changes().filter((c): c is Extract<LiveChange, { k: "event" }> => c?.k === "event" && c.number === number);

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    [carla, gus, lena, leo, admin] = (await Promise.all(["C1001", "C1002", "l1agent", "l1agent2", "admin"].map((id) => actorFor(db, id)))) as [Actor, Actor, Actor, Actor, Actor];
    stopListening = await database().connection.listen(LIVE_CHANNEL, {
      onPayload: (payload) => heard.push({ payload, change: parseLiveChange(payload) }),
      onReconnect: () => {},
    });
    hub = new LiveHub({
      now: () => new Date(),
      listen: (handlers) => database().connection.listen(LIVE_CHANNEL, handlers),
      loadUser: loadStreamUser,
      heartbeatMs: 25_000,
      replay: { maxEntries: 1_000, maxAgeMs: 120_000 },
      retryMs: 3_000,
      maxQueuedBytes: 1024 * 1024,
      log: () => {},
    });
    await hub.start();
  });

  afterAll(async () => {
    await hub?.stop();
    await stopListening?.();
  });

  it("announces a committed change with the ticket as it committed: number, version, routing facts, actor", async () => {
    const ticket = await createTicket(carla, { type: "INCIDENT", title: "Live: committed", description: "Announced once committed.", category: "platform" }, at(0));
    await claimTicket(lena, ticket.number, at(1));
    await vi.waitFor(() => expect(eventsOf(ticket.number).map((e) => e.type)).toContain("CLAIMED"), { timeout: 10_000 });
    const claimed = eventsOf(ticket.number).find((e) => e.type === "CLAIMED")!;
    expect(claimed).toMatchObject({ customer: carla.id, actor: lena.id, actorName: "Lena First", tiers: ["L1", "L1", "L1"], assignees: [null, "l1agent", "l1agent"] });
    expect(claimed.version).toBeGreaterThan(ticket.version);
    expect(claimed.groups[2]).toBe("service-desk");
  });

  it("announces nothing of a rolled-back transaction", async () => {
    const ticket = await createTicket(carla, { type: "INCIDENT", title: "Live: rolled back", description: "Never announced.", category: "platform" }, at(2));
    const row = await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number } });
    await expect(
      database().db.$transaction(async (tx) => {
        await tx.ticketEvent.create({ data: { ticketId: row.id, type: "STATUS_CHANGED", actorId: lena.id, reason: "Rolled back.", createdAt: at(3) } });
        await tx.notification.create({ data: { recipientId: lena.id, cause: "ASSIGNED", kind: "ASSIGNMENTS", ticketId: row.id, occurrence: "rollback", headline: "x", sentence: "x", createdAt: at(3) } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // A change committed after it is heard, so the rolled-back one would have been heard before it.
    await addComment(lena, ticket.number, { body: "After the rollback.", visibility: "INTERNAL" }, at(4));
    await vi.waitFor(() => expect(eventsOf(ticket.number).map((e) => e.type)).toContain("COMMENTED"), { timeout: 10_000 });
    expect(eventsOf(ticket.number).map((e) => e.type)).not.toContain("STATUS_CHANGED");
    expect(changes().filter((c) => c?.k === "notification" && c.ticket === row.id)).toEqual([]);
  });

  it("keeps every payload small and readable: ids and routing facts, never a body", () => {
    expect(heard.length).toBeGreaterThan(0);
    for (const { payload, change } of heard) {
      expect(change, payload).not.toBeNull();
      expect(Buffer.byteLength(payload)).toBeLessThan(8000);
      expect(payload).not.toContain("After the rollback.");
    }
  });

  it("announces a viewer arriving on a ticket page, not each heartbeat of one already there", async () => {
    const ticket = await createTicket(carla, { type: "INCIDENT", title: "Live: presence", description: "Two agents look.", category: "platform" }, at(10));
    const arrivals = () => changes().filter((c) => c?.k === "presence" && c.number === ticket.number);
    await heartbeatTicketView(lena, ticket.number, at(11));
    await heartbeatTicketView(lena, ticket.number, at(21));
    await heartbeatTicketView(leo, ticket.number, at(22));
    await vi.waitFor(() => expect(arrivals()).toHaveLength(2), { timeout: 10_000 });
    await heartbeatTicketView(lena, ticket.number, at(80)); // gone for more than 30 s: arrives again
    await vi.waitFor(() => expect(arrivals()).toEqual([
      { k: "presence", number: ticket.number, user: lena.id },
      { k: "presence", number: ticket.number, user: leo.id },
      { k: "presence", number: ticket.number, user: lena.id },
    ]), { timeout: 10_000 });
  });

  it("sends a customer their own ticket's public reply, never another customer's ticket, an internal note or a staff identity", async () => {
    const mine = reader(hub.open(subscriberFor(carla, [], []), sessionOf(carla, "carla-1"), null));
    const theirs = reader(hub.open(subscriberFor(gus, [], []), sessionOf(gus, "gus-1"), null));
    const ticket = await createTicket(carla, { type: "INCIDENT", title: "Live: portal", description: "Carla's.", category: "platform" }, at(100));
    const agent = reader(hub.open(subscriberFor(leo, ["service-desk"], [ticket.number]), sessionOf(leo, "leo-1"), null));
    await agent.until(/event: ready/);
    await claimTicket(lena, ticket.number, at(101));
    await addComment(lena, ticket.number, { body: "Internal: customer is on the old plan.", visibility: "INTERNAL" }, at(102));
    await addComment(lena, ticket.number, { body: "We are on it.", visibility: "PUBLIC" }, at(103));
    await escalateTicket(lena, ticket.number, { reason: "Needs platform logs", summary: "Reproduced." }, at(104));
    await vi.waitFor(() => expect(eventsOf(ticket.number).map((e) => e.type)).toContain("ESCALATED"), { timeout: 10_000 });
    const lastVersion = Math.max(...eventsOf(ticket.number).map((e) => e.version));
    await mine.until(new RegExp(`"version":${lastVersion}`));
    await agent.until(/"type":"ESCALATED"/);

    // Carla: one message per event her portal history shows (opened, claimed, the reply, passed on, taken on), no more.
    const carlaTickets = [...mine.state.text.matchAll(/^event: ticket$/gm)].length;
    expect(carlaTickets).toBe((await listEvents(carla, ticket.number)).length);
    expect(carlaTickets).toBe(5);
    expect(mine.state.text).not.toMatch(/Lena|l1agent|service-desk|platform-support|INTERNAL|COMMENTED|event: queue|event: notification/);
    expect(theirs.state.text).not.toContain(ticket.number);
    // Leo has the ticket open: every event, the internal note included, with who wrote it.
    expect(agent.state.text).toMatch(/"type":"COMMENTED","by":"Lena First","byMe":false/);
    expect(agent.state.text).toContain("event: queue");
  });

  it("ends a person's streams when they are deactivated or given a new PIN, and a signed-out session's at once", async () => {
    const pinned = reader(hub.open(subscriberFor(gus, [], []), sessionOf(gus, "gus-2"), null));
    const deactivated = reader(hub.open(subscriberFor(leo, ["service-desk"], []), sessionOf(leo, "leo-2"), null));
    const signedOut = reader(hub.open(subscriberFor(lena, ["service-desk"], []), sessionOf(lena, "lena-2"), null));
    const stays = reader(hub.open(subscriberFor(lena, ["service-desk"], []), sessionOf(lena, "lena-3"), null));
    await stays.until(/event: ready/);

    await issuePin(admin, { userId: gus.userId }, new Date());
    await deactivatePerson(admin, { userId: leo.userId });
    await database().db.revokedSession.create({ data: { jti: "lena-2", expiresAt: at(3600) } });

    for (const ended of [pinned, deactivated, signedOut]) {
      await ended.ended();
      expect(ended.state.text).toContain('event: end\ndata: {"reason":"signed-out"}');
    }
    expect(stays.state.done).toBe(false);
  });
});

describe.runIf(DATABASE_KINDS.includes("postgres"))("the PostgreSQL LISTEN connection", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("comes back after the server ends it, says it missed what came meanwhile, and hears what comes next", async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const stop = await database.connection.listen(LIVE_CHANNEL, { onPayload: (p) => heard.push(p), onReconnect: () => reconnects++ });
    const admin = new Client({ connectionString: database.url! });
    await admin.connect();
    try {
      await admin.query(`NOTIFY ${LIVE_CHANNEL}, 'before'`);
      await vi.waitFor(() => expect(heard).toEqual(["before"]), { timeout: 10_000 });
      const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tierdesk-live' AND datname = current_database()`);
      expect(ended.rowCount).toBe(1);
      await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 10_000 });
      await admin.query(`NOTIFY ${LIVE_CHANNEL}, 'after'`);
      await vi.waitFor(() => expect(heard).toEqual(["before", "after"]), { timeout: 10_000 });
    } finally {
      await admin.end();
      await stop();
    }
  });
});
