import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ListenHandlers } from "@/lib/db/pg-listener";
import { LiveHub, type StreamAuth, type StreamUser } from "@/lib/live/hub";
import { subscriberFor } from "@/lib/live/subscriber";
import type { Actor } from "@/lib/actor";

const T0 = Date.parse("2026-12-03T09:00:00Z");
const HEARTBEAT_MS = 25_000;

const lena: Actor = { id: "u-lena", userId: "l1agent", name: "Lena First", role: "AGENT", tier: "L1", organizationId: null };
const carla: Actor = { id: "u-carla", userId: "C1001", name: "Carla", role: "CUSTOMER", tier: null, organizationId: null };
const session = (sid: string, role: Actor["role"] = "AGENT"): StreamAuth => ({ kind: "session", sid, authTime: T0 / 1000, role });

const escalation = (id: number, number = "INC-000001") =>
  JSON.stringify({
    k: "event", id, type: "ESCALATED", rule: "escalate", visibility: null, actor: "u-priya", actorName: "Priya", ticket: 1, number, customer: "u-carla",
    version: id, status: "ASSIGNED", tiers: ["L1", "L2", "L2"], groups: ["service-desk", "platform-support", "platform-support"], assignees: [null, null, null],
  });

/** Reads a stream's text as it comes. */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let done = false;
  const pump = async () => {
    while (!done) {
      const chunk = await source.read();
      if (chunk.done) done = true;
      else text += decoder.decode(chunk.value, { stream: true });
    }
  };
  const pumping = pump();
  return {
    get text() {
      return text;
    },
    get done() {
      return done;
    },
    /** Waits (without sleeping) until the stream has said `pattern`. */
    async until(pattern: RegExp | string) {
      await vi.waitFor(() => expect(text).toMatch(pattern), { timeout: 2_000, interval: 5 });
    },
    async ended() {
      await pumping;
    },
    cancel: () => source.cancel(),
    /** The id of the last event received, as EventSource keeps it. */
    lastId() {
      const ids = [...text.matchAll(/^id: (.+)$/gm)];
      return ids.at(-1)?.[1] ?? null;
    },
  };
}

describe("the live hub", () => {
  let handlers: ListenHandlers;
  let nowMs: number;
  let users: Map<string, StreamUser>;
  /** Whom the hub re-read, in order. */
  let loads: string[];
  let hub: LiveHub;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    nowMs = T0;
    loads = [];
    users = new Map([["u-lena", { active: true, role: "AGENT", tier: "L1", secretChangedAt: null, groups: ["service-desk"] }]]);
    hub = new LiveHub({
      now: () => new Date(nowMs),
      listen: async (h) => {
        handlers = h;
        return async () => {};
      },
      loadUser: async (id) => {
        loads.push(id);
        return users.get(id) ?? null;
      },
      heartbeatMs: HEARTBEAT_MS,
      replay: { maxEntries: 3, maxAgeMs: 60_000 },
      retryMs: 3_000,
      maxQueuedBytes: 1024 * 1024,
      log: () => {},
    });
    await hub.start();
  });

  afterEach(async () => {
    await hub.stop();
    vi.useRealTimers();
  });

  it("opens with a retry hint and a ready event that carries a resumable id, and counts the stream", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    expect(stream.text).toMatch(/^retry: 3000\n\n/);
    expect(stream.lastId()).toBe(`${hub.instance}-0`);
    expect(hub.openStreams).toBe(1);
    await stream.cancel();
    expect(hub.openStreams).toBe(0);
  });

  it("sends each committed change to the streams that may see it, with the change's id", async () => {
    const agent = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    const customer = reader(hub.open(subscriberFor(carla, [], []), session("s2", "CUSTOMER"), null));
    handlers.onPayload(escalation(1));
    await agent.until(/event: queue/);
    await customer.until(/event: ticket/);
    expect(agent.text).toContain(`event: queue\nid: ${hub.instance}-1\ndata: {"number":"INC-000001","tier":"L2"}`);
    expect(customer.text).toContain(`event: ticket\nid: ${hub.instance}-1\ndata: {"number":"INC-000001","version":1}`);
    expect(customer.text).not.toContain("Priya");
  });

  it("resumes a reconnect with Last-Event-ID without loss, and without repeating what was seen", async () => {
    const first = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    handlers.onPayload(escalation(1));
    await first.until(/INC-000001/);
    const seen = first.lastId();
    await first.cancel();
    handlers.onPayload(escalation(2, "INC-000002"));
    handlers.onPayload(escalation(3, "INC-000003"));
    const again = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), seen));
    await again.until(/event: ready/);
    expect(again.text).not.toContain("INC-000001");
    expect(again.text).toContain("INC-000002");
    expect(again.text).toContain("INC-000003");
    expect(again.text).not.toContain("event: refetch");
  });

  it("tells a reconnect to refetch when what it missed left the window, or its id is another instance's", async () => {
    const first = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await first.until(/event: ready/);
    const seen = first.lastId();
    await first.cancel();
    for (let i = 1; i <= 4; i++) handlers.onPayload(escalation(i, `INC-00000${i}`)); // the window keeps 3
    const late = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), seen));
    await late.until(/event: ready/);
    expect(late.text).toContain("event: refetch");
    const elsewhere = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), "ffffffffffff-2"));
    await elsewhere.until(/event: ready/);
    expect(elsewhere.text).toContain("event: refetch");
  });

  it("tells every stream to refetch when the LISTEN connection was down, and no later reconnect resumes across it", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    const before = stream.lastId();
    handlers.onReconnect();
    await stream.until(/event: refetch/);
    const again = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), before));
    await again.until(/event: ready/);
    expect(again.text).toContain("event: refetch");
  });

  it("ends the streams of a signed-out session (and only those), telling the browser not to come back", async () => {
    const signedOut = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    const other = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s2"), null));
    await other.until(/event: ready/);
    handlers.onPayload(JSON.stringify({ k: "session", sid: "s1" }));
    await signedOut.ended();
    expect(signedOut.text).toContain('event: end\ndata: {"reason":"signed-out"}');
    expect(other.done).toBe(false);
    expect(hub.openStreams).toBe(1);
  });

  it("re-reads a person only when a change about them comes: deactivated or a new secret ends their streams", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    handlers.onPayload(JSON.stringify({ k: "user", id: "u-nobody-here" }));
    expect(loads).toEqual([]);
    users.set("u-lena", { ...users.get("u-lena")!, secretChangedAt: new Date(T0 + 60_000) });
    handlers.onPayload(JSON.stringify({ k: "user", id: "u-lena" }));
    await stream.ended();
    expect(stream.text).toContain('"reason":"signed-out"');
    expect(loads).toEqual(["u-lena"]);
  });

  it("follows a person's new groups and tier without ending their stream", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    users.set("u-lena", { active: true, role: "AGENT", tier: "L3", secretChangedAt: null, groups: ["engineering-support"] });
    handlers.onPayload(JSON.stringify({ k: "user", id: "u-lena" }));
    await vi.waitFor(() => expect(loads).toEqual(["u-lena"]));
    await new Promise((resolve) => setImmediate(resolve)); // the re-read's answer is applied on the next turn
    handlers.onPayload(escalation(1)); // L1 → L2: no longer hers
    handlers.onPayload(JSON.stringify({ ...JSON.parse(escalation(2)), tiers: ["L3", "L4", "L4"] }));
    await stream.until(/"tier":"L4"/);
    expect(stream.text).not.toContain('"tier":"L2"');
  });

  it("sends a heartbeat comment every interval, and ends a session past its 12 hours", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await stream.until(/^: heartbeat$/m);
    nowMs = T0 + 12 * 3600_000 + 1_000;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await stream.ended();
    expect(stream.text).toContain('"reason":"expired"');
  });

  it("ends a token's streams when it is revoked or expires", async () => {
    const revoked = reader(hub.open(subscriberFor(lena, ["service-desk"], []), { kind: "token", tokenId: "t1", expiresAtMs: null, role: "AGENT" }, null));
    const expiring = reader(hub.open(subscriberFor(lena, ["service-desk"], []), { kind: "token", tokenId: "t2", expiresAtMs: T0 + 30_000, role: "AGENT" }, null));
    await expiring.until(/event: ready/);
    handlers.onPayload(JSON.stringify({ k: "token", id: "t1" }));
    await revoked.ended();
    expect(revoked.text).toContain('"reason":"revoked"');
    nowMs = T0 + 30_000;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await expiring.ended();
    expect(expiring.text).toContain('"reason":"expired"');
  });

  it("on shutdown tells each stream when to reconnect, ends it, and takes no new ones", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    hub.closeAll(1_500);
    await stream.ended();
    expect(stream.text).toMatch(/retry: 1500\n\n$/);
    expect(stream.text).not.toContain("event: end");
    expect(hub.openStreams).toBe(0);
    expect(hub.accepting).toBe(false);
  });

  it("forgets a stream when the browser leaves (the request's signal aborts)", async () => {
    const left = new AbortController();
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null, left.signal));
    await stream.until(/event: ready/);
    expect(hub.openStreams).toBe(1);
    left.abort();
    await stream.ended();
    expect(hub.openStreams).toBe(0);
    handlers.onPayload(escalation(1)); // nothing is written to it any more
    expect(stream.text).not.toContain("INC-000001");
  });

  it("ignores a payload that is not a change", async () => {
    const stream = reader(hub.open(subscriberFor(lena, ["service-desk"], []), session("s1"), null));
    await stream.until(/event: ready/);
    handlers.onPayload("{nonsense");
    handlers.onPayload(escalation(1));
    await stream.until(/INC-000001/);
    expect(stream.lastId()).toBe(`${hub.instance}-1`);
  });
});
