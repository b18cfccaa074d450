import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { findQueue } from "@/lib/tickets/find-queue";
import { QUEUE_VIEWS } from "@/lib/validation/queue";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Monday 2026-11-30 09:00 UTC; every service gets its `now`, so nothing depends on the wall clock.
const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const NOW = at(5);
const ESCALATE = { reason: "Needs platform access", summary: "Logs attached, restart tried." };

describeEachDatabase("agent queue", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l1b: Actor;
  let l2: Actor;
  let manager: Actor;
  /** Ticket numbers by role in this test. */
  const n: Record<string, string> = {};

  const open = async (key: string, title: string, description = "Details as the customer gives them.", extra: object = {}) => {
    n[key] = (await createTicket(customer, { type: "INCIDENT", title, description, category: "billing", ...extra }, at(0))).number;
  };
  const setColumns = (key: string, columns: Record<string, Date | string | null>) =>
    database().db.ticket.update({ where: { number: n[key]! }, data: columns });
  const numbers = async (actor: Actor, query: Record<string, string> = {}) => (await findQueue(actor, { limit: "100", ...query }, NOW)).rows.map((r) => r.number);

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    l1b = await actorFor(db, "l1agent2");
    l2 = await actorFor(db, "l2agent");
    manager = await actorFor(db, "manager");

    await open("mine", "Invoice PDF will not open", "Printers are printing blank invoices.", { impact: "MEDIUM", urgency: "MEDIUM" });
    await open("colleague", "Colleague's ticket");
    await open("waitingA", "Waiting A", "Details.", { impact: "HIGH", urgency: "HIGH" });
    await open("waitingB", "Waiting B");
    await open("escalated", "Escalated today");
    await open("tierWarn", "Tier budget nearly spent");
    await open("resolutionWarn", "Resolution nearly due");
    await open("flagged", "Update flagged by the sweep");
    await open("updateDue", "Update due now");
    await open("resolved", "Resolved already");
    await open("escalatedLongAgo", "Escalated two days ago");

    await claimTicket(l1, n.mine!, at(1));
    await claimTicket(l1b, n.colleague!, at(1));
    await claimTicket(l1, n.escalated!, at(1));
    await escalateTicket(l1, n.escalated!, ESCALATE, at(2));
    await claimTicket(l1, n.escalatedLongAgo!, at(-3000));
    await escalateTicket(l1, n.escalatedLongAgo!, ESCALATE, at(-2990));

    await setColumns("tierWarn", { tierBudgetWarnAt: at(3) });
    await setColumns("resolutionWarn", { resolutionWarnAt: at(4) });
    await setColumns("flagged", { updateDueFlaggedAt: at(4) });
    await setColumns("updateDue", { nextUpdateDueAt: at(4) });
    await setColumns("resolved", { status: "RESOLVED", tierBudgetWarnAt: at(3), updateDueFlaggedAt: at(3) });

    await addComment(l1, n.mine!, { body: "We replaced the toner cartridge", visibility: "PUBLIC" }, at(3));
    await addComment(l1, n.waitingB!, { body: "Suspect a corrupted spreadsheet macro", visibility: "INTERNAL" }, at(3));
  });

  it("lists exactly the right tickets in each view of an L1 agent, with matching counts", async () => {
    const expected = {
      mine: [n.mine],
      unassigned: [n.waitingA, n.waitingB, n.tierWarn, n.resolutionWarn, n.flagged, n.updateDue],
      tier: [n.mine, n.colleague, n.waitingA, n.waitingB, n.tierWarn, n.resolutionWarn, n.flagged, n.updateDue],
      "due-soon": [n.tierWarn, n.resolutionWarn],
      "update-due": [n.flagged, n.updateDue],
      escalated: [],
    };
    const page = await findQueue(l1, {}, NOW);
    expect(page.view).toBe("tier");
    expect(page.tier).toBe("L1");
    for (const view of QUEUE_VIEWS) {
      const listed = await numbers(l1, { view });
      expect(new Set(listed), view).toEqual(new Set(expected[view]));
      expect(page.counts[view], view).toBe(expected[view].length);
    }
  });

  it("orders by priority, then oldest first", async () => {
    const rows = (await findQueue(l1, { view: "unassigned" }, NOW)).rows;
    expect(rows[0]).toMatchObject({ number: n.waitingA, priority: "P1", tier: "L1", status: "NEW", customer: { userId: "C1001", organization: "Acme" }, assignee: null });
    expect(rows.slice(1).map((r) => r.number)).toEqual([n.waitingB, n.tierWarn, n.resolutionWarn, n.flagged, n.updateDue]);
  });

  it("shows an L2 agent only L2 tickets, with what was escalated to L2 in the last 24 hours", async () => {
    expect(new Set(await numbers(l2, { view: "tier" }))).toEqual(new Set([n.escalated, n.escalatedLongAgo]));
    expect(new Set(await numbers(l2, { view: "mine" }))).toEqual(new Set([n.escalated, n.escalatedLongAgo]));
    expect(await numbers(l2, { view: "escalated" })).toEqual([n.escalated]);
    expect((await findQueue(l2, {}, NOW)).counts.escalated).toBe(1);
    // A day later the escalation is no longer recent.
    expect((await findQueue(l2, { view: "escalated" }, at(5 + 24 * 60))).rows).toEqual([]);
  });

  it("keeps agents to their own tier; managers choose a tier or all", async () => {
    await expect(findQueue(l1, { tier: "L2" }, NOW)).rejects.toMatchObject({ status: 403 });
    expect(await numbers(l1, { view: "mine", tier: "L1" })).toEqual([n.mine]);
    await expect(findQueue(customer, {}, NOW)).rejects.toMatchObject({ status: 403 });

    const all = await findQueue(manager, { limit: "100" }, NOW);
    expect(all.tier).toBe("all");
    expect(all.rows).toHaveLength(10);
    expect(all.counts.escalated).toBe(1);
    expect(new Set(await numbers(manager, { tier: "L2" }))).toEqual(new Set([n.escalated, n.escalatedLongAgo]));
    expect(await numbers(manager, { tier: "L2", view: "escalated" })).toEqual([n.escalated]);
  });

  it("pages through a view without gaps or repeats", async () => {
    const everything = await numbers(l1, { view: "tier" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await findQueue(l1, { view: "tier", limit: "3", ...(cursor ? { cursor } : {}) }, NOW);
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => r.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything);
  });

  it("filters by status, priority, category and group", async () => {
    expect(new Set(await numbers(l1, { status: "ASSIGNED" }))).toEqual(new Set([n.mine, n.colleague]));
    expect(await numbers(l1, { priority: "P1" })).toEqual([n.waitingA]);
    expect(await numbers(l1, { priority: "P3" })).toEqual([n.mine]);
    expect(await numbers(l1, { category: "access" })).toEqual([]);
    expect((await numbers(l1, { category: "billing", group: "service-desk" })).length).toBe(8);
    expect(await numbers(l1, { group: "platform-support" })).toEqual([]);
  });

  it("searches number, title, description and public replies, never internal notes", async () => {
    expect(await numbers(l1, { q: n.waitingB! })).toEqual([n.waitingB]);
    expect(await numbers(l1, { q: n.waitingB!.slice(4) })).toEqual([n.waitingB]);
    expect(await numbers(l1, { q: String(Number(n.waitingB!.slice(4))) })).toEqual([n.waitingB]);
    expect(await numbers(l1, { q: "invoice pdf" })).toEqual([n.mine]);
    expect(await numbers(l1, { q: "printer" })).toEqual([n.mine]);
    expect(await numbers(l1, { q: "toner" })).toEqual([n.mine]);
    expect(await numbers(l1, { q: "spreadsheet macro" })).toEqual([]);
    expect(await numbers(l1, { q: "   " })).toHaveLength(8);
  });

  it("refuses bad queries with the fields at fault", async () => {
    await expect(
      findQueue(l1, unchecked({ view: "everything", status: "RESOLVED", priority: "P9", cursor: "P1.x", limit: "500", sort: "title", bogus: "1", q: "x".repeat(201) }), NOW),
    ).rejects.toMatchObject({
      status: 400,
      fields: { view: expect.any(Array), status: expect.any(Array), priority: expect.any(Array), cursor: expect.any(Array), limit: expect.any(Array), sort: expect.any(Array), _: expect.any(Array), q: expect.any(Array) },
    });
  });
});
