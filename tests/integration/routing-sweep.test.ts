import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Actor } from "@/lib/actor";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { actorFor } from "../fixtures/actors";
import { stage } from "../fixtures/journey";
import { describeEachDatabase } from "../fixtures/test-database";

const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
const NOTHING = { escalated: 0, alerted: 0, updatesDue: 0, closed: 0, skipped: false };

describeEachDatabase("SLA sweep", (database) => {
  let acme: Actor;
  let globex: Actor;
  let l1: Actor;
  let l2: Actor;
  let manager: Actor;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    globex = await actorFor(db, "C1002");
    l1 = await actorFor(db, "l1agent");
    l2 = await actorFor(db, "l2agent");
    manager = await actorFor(db, "manager");
    // A second L2 agent who already carries a P3 ticket, paused on the customer: load 3, and no clock runs for the sweep.
    const group = await db.supportGroup.findUniqueOrThrow({ where: { slug: "platform-support" } });
    await db.user.create({
      data: { userId: "l2busy", name: "Bea Busy", role: "AGENT", tier: "L2", secretHash: "not-used-to-sign-in", memberships: { create: { groupId: group.id } } },
    });
    const busy = await actorFor(db, "l2busy");
    const at = minutesAfter("2026-11-30T09:00:00Z");
    const carried = await createTicket(globex, { type: "INCIDENT", title: "Slow export", description: "Exports take an hour.", category: "data", impact: "MEDIUM", urgency: "MEDIUM" }, at(0));
    const assigned = await assignTicket(manager, carried.number, { userId: "l2busy" }, at(1));
    await updateTicket(busy, carried.number, { version: assigned.version, status: "PENDING_CUSTOMER" }, at(2));
  });

  /** Each scenario closes its ticket afterwards (even when it failed), so later sweeps see only their own. */
  const closeTicket = async (number: string, now: Date) => {
    const t = await getTicket(manager, number);
    if (t.status !== "CLOSED") await updateTicket(manager, number, { version: t.version, status: "CLOSED" }, now);
  };

  /** Closes the ticket once the running test has finished, passed or failed. */
  const closeWhenFinished = (number: string, now: Date) => onTestFinished(() => closeTicket(number, now));

  const lastEvents = async (number: string, count: number) => (await listEvents(manager, number)).slice(-count);

  describe("a P1 ticket on a 24×7 clock", () => {
    // Tuesday 2026-12-01 10:00 UTC. HIGH × HIGH → P1, 24×7: first response 15 min, resolution 4 h (75 % at 3 h),
    // updates every 30 min, budgets L1 15 min, L2 60 min, L3 120 min.
    const at = minutesAfter("2026-12-01T10:00:00Z");

    it("walks one P1 through the sweep: L1 budget to L2, idempotent reruns, customer updates, L2 budget to L3, then the manager alerts", async () => {
      // One ticket's timeline: each stage below starts where the one before left the ticket and the clock.
      const number = (await createTicket(acme, { type: "INCIDENT", title: "Checkout down", description: "All payments fail.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(0))).number;
      closeWhenFinished(number, at(301));

      await stage("auto-escalates a P1 whose 15-minute L1 budget is spent to L2 platform-support, assigned to the least loaded", async () => {
        expect(await runSweep(at(14))).toEqual(NOTHING);
        expect((await getTicket(manager, number)).tier).toBe("L1");

        expect(await runSweep(at(15))).toEqual({ ...NOTHING, escalated: 1 });
        const t = await getTicket(manager, number);
        expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee?.userId, status: t.status }).toEqual({
          tier: "L2",
          group: "platform-support",
          assignee: "l2agent",
          status: "ASSIGNED",
        });
        expect(t.clocks.tierSecondsUsed).toEqual({ L1: 15 * 60, L2: 0, L3: 0 });
        expect(t.due.tierBudgetEndsAt).toBe(at(15 + 60).toISOString());
        // NEW → ASSIGNED is a status the customer sees: mailed once, held 5 minutes for later changes to fold in.
        const { id } = await database().db.ticket.findUniqueOrThrow({ where: { number } });
        const mails = await database().db.outboxMessage.findMany({ where: { ticketId: id }, orderBy: { id: "asc" } });
        expect(mails.map((m) => [m.toAddress, m.subject, m.dedupeKey])).toEqual([
          ["carla@acme.example", `[${number}] Received: Checkout down`, `received:${id}`],
          ["carla@acme.example", `[${number}] Assigned to an agent: Checkout down`, `status:${id}:v${t.version}`],
        ]);
        expect(mails[1]!.body).toContain(`Your ticket ${number} is now "Assigned to an agent".`);
        expect(mails[1]!.nextAttemptAt).toEqual(at(20));
        expect(mails[1]!.body).toContain(`/portal/tickets/${number}`);

        const [escalated, assigned] = await lastEvents(number, 2);
        expect(escalated).toMatchObject({
          type: "AUTO_ESCALATED",
          actor: null,
          fromTier: "L1",
          toTier: "L2",
          at: at(15).toISOString(),
          explanation: "Escalated to L2 Platform Support automatically: L1 budget of 15 min spent.",
          details: {
            rule: "budget.l1",
            fromGroup: "service-desk",
            toGroup: "platform-support",
            toAssignee: "l2agent",
            inputs: { budget: "L1", budgetMinutes: 15, minutesUsed: 15, budgetEndedAt: at(15).toISOString(), clock: "ALWAYS" },
          },
        });
        expect(assigned).toMatchObject({
          type: "ASSIGNED",
          actor: null,
          toTier: "L2",
          explanation: "Assigned to Priya Second in Platform Support: least loaded of l2agent (load 0), l2busy (load 3).",
          details: {
            rule: "assign.least-loaded",
            toAssignee: "l2agent",
            inputs: {
              group: "platform-support",
              assignmentMode: "AUTO",
              candidates: [
                { userId: "l2agent", load: 0, openTickets: 0, lastAssignedAt: null },
                { userId: "l2busy", load: 3, openTickets: 1, lastAssignedAt: "2026-11-30T09:01:00.000Z" },
              ],
            },
          },
        });
      });

      await stage("is idempotent: a second run at the same instant does nothing more", async () => {
        const before = await getTicket(manager, number);
        const eventCount = (await listEvents(manager, number)).length;
        expect(await runSweep(at(15))).toEqual(NOTHING);
        expect(await runSweep(at(16))).toEqual(NOTHING);
        expect((await getTicket(manager, number)).version).toBe(before.version);
        expect(await listEvents(manager, number)).toHaveLength(eventCount);
        expect(await database().db.outboxMessage.count({ where: { ticket: { number } } })).toBe(2);
      });

      await stage("flags a due customer update once; an internal note does not clear it, a public reply does", async () => {
        const flagged = async () => (await database().db.ticket.findUniqueOrThrow({ where: { number } })).updateDueFlaggedAt;
        expect(await runSweep(at(30))).toEqual({ ...NOTHING, updatesDue: 1 });
        expect(await flagged()).toEqual(at(30));
        const [alert] = await lastEvents(number, 1);
        expect(alert).toMatchObject({ type: "ALERT", details: { rule: "sla.customer-update" }, explanation: "A customer update is due: no public reply since the last one was promised." });
        expect(await runSweep(at(31))).toEqual(NOTHING);

        await addComment(l2, number, { body: "Checked the gateway logs.", visibility: "INTERNAL" }, at(32));
        expect(await runSweep(at(33))).toEqual(NOTHING);
        expect(await flagged()).toEqual(at(30));

        await addComment(l2, number, { body: "We are on it; next update within 30 minutes.", visibility: "PUBLIC" }, at(35));
        expect(await flagged()).toBeNull();
        expect((await getTicket(manager, number)).due.nextUpdateAt).toBe(at(65).toISOString());
        expect(await runSweep(at(64))).toEqual(NOTHING);
        expect(await runSweep(at(65))).toEqual({ ...NOTHING, updatesDue: 1 });
      });

      await stage("escalates L2 → L3 when the 60-minute L2 budget is spent", async () => {
        expect(await runSweep(at(74))).toEqual(NOTHING);
        expect(await runSweep(at(75))).toEqual({ ...NOTHING, escalated: 1 });
        const t = await getTicket(manager, number);
        expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee?.userId }).toEqual({ tier: "L3", group: "engineering-support", assignee: "l3agent" });
        expect(t.clocks.tierSecondsUsed).toEqual({ L1: 15 * 60, L2: 60 * 60, L3: 0 });
        const [escalated] = await lastEvents(number, 2);
        expect(escalated).toMatchObject({ type: "AUTO_ESCALATED", fromTier: "L2", toTier: "L3", explanation: "Escalated to L3 Engineering Support automatically: L2 budget of 1 h spent." });
      });

      await stage("alerts managers once when a customer update is overdue by half the cadence (the update due at 65 min, at 80 min)", async () => {
        // The update due at 30 min was answered at 35 min, before half the cadence passed: no manager alert for it.
        expect(await runSweep(at(79))).toEqual(NOTHING);
        expect(await runSweep(at(80))).toEqual({ ...NOTHING, alerted: 1 });
        expect(await lastEvents(number, 1)).toMatchObject([
          {
            type: "ALERT",
            actor: null,
            explanation: "The group's leads and the managers are alerted: the customer update is overdue by half the 30-minute cadence.",
            details: { rule: "sla.customer-update-overdue", inputs: { nextUpdateDueAt: at(65).toISOString().slice(0, 19), updateEveryMinutes: 30, notify: "leads+managers" } },
          },
        ]);
        expect(await runSweep(at(81))).toEqual(NOTHING);
      });

      await stage("alerts managers at 75 % and at 100 % of the resolution target, once each, and when the L3 budget is spent", async () => {
        expect(await runSweep(at(179))).toEqual(NOTHING);
        expect(await runSweep(at(180))).toEqual({ ...NOTHING, alerted: 1 });
        expect(await lastEvents(number, 1)).toMatchObject([
          { type: "ALERT", actor: null, explanation: "The assignee and the group's leads are alerted: 75 % of the P1 resolution target is used.", details: { rule: "sla.resolution-75", inputs: { percent: 75, notify: "assignee+leads" } } },
        ]);
        expect(await runSweep(at(181))).toEqual(NOTHING);

        // L3 cannot hand off to L4 without a reference: its spent budget alerts managers instead.
        expect(await runSweep(at(195))).toEqual({ ...NOTHING, alerted: 1 });
        expect(await lastEvents(number, 1)).toMatchObject([{ type: "ALERT", details: { rule: "budget.l3" } }]);
        expect((await getTicket(manager, number)).tier).toBe("L3");
        expect(await runSweep(at(200))).toEqual(NOTHING);

        expect(await runSweep(at(239))).toEqual(NOTHING);
        expect(await runSweep(at(240))).toEqual({ ...NOTHING, alerted: 1 });
        expect(await lastEvents(number, 1)).toMatchObject([
          { type: "ALERT", explanation: "The group's leads and the managers are alerted: the P1 resolution target is breached.", details: { rule: "sla.resolution-100", inputs: { percent: 100 } } },
        ]);
        expect(await runSweep(at(300))).toEqual(NOTHING);

        const alerts = (await listEvents(manager, number)).filter((e) => e.type === "ALERT").map((e) => e.details?.rule);
        expect(alerts).toEqual(["sla.customer-update", "sla.customer-update", "sla.customer-update-overdue", "sla.resolution-75", "budget.l3", "sla.resolution-100"]);
      });
    });
  });

  describe("a ticket waiting on the customer", () => {
    // Wednesday 2026-12-02 10:00 UTC. "platform" defaults → P2, 24×7: first response 30 min, resolution 8 h,
    // updates every 60 min, L1 budget 30 min.
    const at = minutesAfter("2026-12-02T10:00:00Z");
    it("keeps a ticket waiting on the customer from escalating, and spends only the remaining budget once it resumes", async () => {
      // One ticket's timeline: the second stage starts where the first left the ticket and the clock.
      const created = await createTicket(acme, { type: "INCIDENT", title: "Reports empty", description: "No rows.", category: "platform" }, at(0));
      const number = created.number;
      closeWhenFinished(number, at(711));

      await stage("does not escalate a ticket waiting on the customer; a customer reply resumes it with every due time shifted", async () => {
        expect(created.due).toEqual({ firstResponseAt: at(30).toISOString(), resolutionAt: at(480).toISOString(), nextUpdateAt: at(60).toISOString(), tierBudgetEndsAt: at(30).toISOString() });
        const claimed = await claimTicket(l1, number, at(5));
        const paused = await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, at(10));
        expect(paused.status).toBe("PENDING_CUSTOMER");
        expect(paused.due).toEqual({ firstResponseAt: null, resolutionAt: null, nextUpdateAt: null, tierBudgetEndsAt: null });
        expect(paused.clocks).toMatchObject({ customerClockRunning: false, customerSecondsUsed: 600, tierSecondsUsed: { L1: 600, L2: 0, L3: 0 } });

        // Long past the L1 budget and the resolution target: nothing happens while paused.
        expect(await runSweep(at(60))).toEqual(NOTHING);
        expect(await runSweep(at(600))).toEqual(NOTHING);
        expect((await getTicket(manager, number)).tier).toBe("L1");

        // The customer answers 600 minutes later: the ticket is back with its agent, every clock shifted by the pause.
        await addComment(acme, number, { body: "Here is the export you asked for.", visibility: "PUBLIC" }, at(610));
        const resumed = await getTicket(manager, number);
        expect(resumed.status).toBe("IN_PROGRESS");
        expect(resumed.due).toEqual({
          firstResponseAt: at(30 + 600).toISOString(),
          resolutionAt: at(480 + 600).toISOString(),
          nextUpdateAt: at(610 + 60).toISOString(),
          tierBudgetEndsAt: at(30 + 600).toISOString(),
        });
        const events = await lastEvents(number, 2);
        expect(events.map((e) => [e.type, e.details?.rule])).toEqual([
          ["COMMENTED", "comment.customer-answered"],
          ["STATUS_CHANGED", "status.customer-answered"],
        ]);
      });

      await stage("pauses and resumes on status changes too, and escalates only once the remaining budget is spent", async () => {
        // 10 min of L1 used before the first pause, 10 more now: 10 left.
        let t = await getTicket(l1, number);
        t = await updateTicket(l1, number, { version: t.version, status: "PENDING_CUSTOMER" }, at(620));
        expect(t.clocks.tierSecondsUsed.L1).toBe(20 * 60);
        expect(await runSweep(at(700))).toEqual(NOTHING);
        t = await updateTicket(l1, number, { version: t.version, status: "IN_PROGRESS" }, at(700));
        // Paused 600 + 80 minutes in all.
        expect(t.due).toEqual({
          firstResponseAt: at(30 + 680).toISOString(),
          resolutionAt: at(480 + 680).toISOString(),
          nextUpdateAt: at(700 + 60).toISOString(),
          tierBudgetEndsAt: at(30 + 680).toISOString(),
        });
        expect(await runSweep(at(709))).toEqual(NOTHING);
        expect(await runSweep(at(710))).toEqual({ ...NOTHING, escalated: 1 });
        t = await getTicket(manager, number);
        expect({ tier: t.tier, assignee: t.assignee?.userId, l1: t.clocks.tierSecondsUsed.L1, customer: t.clocks.customerSecondsUsed }).toEqual({
          tier: "L2",
          assignee: "l2agent",
          l1: 30 * 60,
          customer: 30 * 60,
        });
      });
    });
  });

  describe("a budget that ran out between two sweeps", () => {
    // Thursday 2026-12-03 10:00 UTC, P1: the L1 budget ends at 10:15.
    const at = minutesAfter("2026-12-03T10:00:00Z");
    it("is still escalated by the next sweep when the ticket was touched in between", async () => {
      const number = (await createTicket(acme, { type: "INCIDENT", title: "API 503", description: "All calls fail.", category: "integration", impact: "HIGH", urgency: "HIGH" }, at(0))).number;
      closeWhenFinished(number, at(20));
      const claimed = await claimTicket(l1, number, at(16));
      // A reply and a status change after the budget ran out, before any sweep ran.
      await addComment(l1, number, { body: "Looking into it now.", visibility: "PUBLIC" }, at(17));
      await updateTicket(l1, number, { version: claimed.version + 1, status: "IN_PROGRESS" }, at(18));
      expect((await getTicket(manager, number)).due.tierBudgetEndsAt).toBe(at(15).toISOString());

      expect(await runSweep(at(19))).toEqual({ ...NOTHING, escalated: 1 });
      const t = await getTicket(manager, number);
      expect({ tier: t.tier, assignee: t.assignee?.userId, l1: t.clocks.tierSecondsUsed.L1 }).toEqual({ tier: "L2", assignee: "l2agent", l1: 19 * 60 });
      const [escalated] = await lastEvents(number, 2);
      expect(escalated).toMatchObject({
        type: "AUTO_ESCALATED",
        // The integration SOP's two required steps were never ticked: the sweep moves the ticket anyway and says so.
        explanation:
          "Escalated to L2 Platform Support automatically: L1 budget of 15 min spent. Required SOP steps left undone: " +
          "“Record the endpoint, HTTP method, status code and request ID of a failing call.” and “Check API key validity and rate-limit headers in the response.”.",
        details: { inputs: { budgetMinutes: 15, minutesUsed: 19, budgetEndedAt: at(15).toISOString(), stepsDone: [], sopStepsLeft: 4 } },
      });
    });
  });

  describe("a budget that ran out just before the ticket was paused", () => {
    // Friday 2026-12-04 10:00 UTC, P1: the L1 budget ends at 10:15; the agent asks the customer at 10:16, before any sweep.
    const at = minutesAfter("2026-12-04T10:00:00Z");
    it("waits while the customer is asked, and is escalated by the first sweep after the customer answers", async () => {
      const number = (await createTicket(acme, { type: "INCIDENT", title: "Checkout down", description: "Every order fails.", category: "integration", impact: "HIGH", urgency: "HIGH" }, at(0))).number;
      closeWhenFinished(number, at(42));
      const claimed = await claimTicket(l1, number, at(5));
      const paused = await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, at(16));
      // The spent budget stays on record while paused; the sweep leaves a paused ticket alone.
      expect(paused.due.tierBudgetEndsAt).toBe(at(15).toISOString());
      expect(await runSweep(at(17))).toEqual(NOTHING);
      expect((await getTicket(manager, number)).tier).toBe("L1");

      await addComment(acme, number, { body: "Here is the order ID: 4711.", visibility: "PUBLIC" }, at(40));
      expect(await runSweep(at(41))).toEqual({ ...NOTHING, escalated: 1 });
      const t = await getTicket(manager, number);
      expect({ tier: t.tier, l1: t.clocks.tierSecondsUsed.L1 }).toEqual({ tier: "L2", l1: 17 * 60 });
    });
  });

  describe("business hours", () => {
    it("does not spend business-hours P3 budgets over a weekend", async () => {
      // Friday 2026-12-04 16:00 UTC. MEDIUM × MEDIUM → P3 on business hours (Mon–Fri 08:00–18:00):
      // the 4 h L1 budget is 2 h on Friday and 2 h on Monday → Monday 10:00.
      const created = await createTicket(acme, { type: "INCIDENT", title: "Invoice PDF garbled", description: "Umlauts broken.", category: "billing", impact: "MEDIUM", urgency: "MEDIUM" }, new Date("2026-12-04T16:00:00Z"));
      const number = created.number;
      closeWhenFinished(number, new Date("2026-12-07T10:01:00Z"));
      expect(created.priority).toBe("P3");
      expect(created.due.tierBudgetEndsAt).toBe("2026-12-07T10:00:00.000Z");
      expect(await runSweep(new Date("2026-12-05T12:00:00Z"))).toEqual(NOTHING);
      expect(await runSweep(new Date("2026-12-06T23:59:00Z"))).toEqual(NOTHING);
      expect(await runSweep(new Date("2026-12-07T09:59:00Z"))).toEqual(NOTHING);
      // The 4 h update cadence falls due at the same business instant.
      expect(await runSweep(new Date("2026-12-07T10:00:00Z"))).toEqual({ ...NOTHING, escalated: 1, updatesDue: 1 });
      const t = await getTicket(manager, created.number);
      expect(t.tier).toBe("L2");
      expect(t.clocks.tierSecondsUsed.L1).toBe(4 * 3600);
      expect(t.due.tierBudgetEndsAt).toBe("2026-12-07T18:00:00.000Z");
      const escalated = (await listEvents(manager, created.number)).find((e) => e.type === "AUTO_ESCALATED");
      expect(escalated).toMatchObject({
        explanation: "Escalated to L2 Platform Support automatically: L1 budget of 4 h spent.",
        details: { inputs: { budgetMinutes: 240, minutesUsed: 240, clock: "BUSINESS_HOURS" } },
      });
    });
  });

  describe("a customer update overdue on business hours", () => {
    it("counts half the cadence in business time: a P3 update due at Thursday's close is overdue Friday 10:00, not Thursday night", async () => {
      // Thursday 2026-12-03 14:00 UTC, P3 (business hours, updates every 4 h): the update falls due at 18:00, the
      // close; half the cadence is 2 business hours, so managers hear of it Friday at 10:00.
      const at = (iso: string) => new Date(`2026-12-0${iso}Z`);
      const number = (await createTicket(acme, { type: "INCIDENT", title: "Statements late", description: "No statement since Monday.", category: "billing", impact: "MEDIUM", urgency: "MEDIUM" }, at("3T14:00:00"))).number;
      closeWhenFinished(number, new Date("2026-12-04T10:02:00Z"));
      expect(await runSweep(at("3T18:00:00"))).toEqual({ ...NOTHING, escalated: 1, updatesDue: 1 });
      expect(await runSweep(at("3T20:00:00"))).toEqual(NOTHING);
      expect(await runSweep(at("4T09:59:00"))).toEqual(NOTHING);
      expect(await runSweep(at("4T10:00:00"))).toEqual({ ...NOTHING, alerted: 1 });
      const [alert] = await lastEvents(number, 1);
      expect(alert).toMatchObject({
        type: "ALERT",
        at: at("4T10:00:00").toISOString(),
        explanation: "The group's leads and the managers are alerted: the customer update is overdue by half the 240-minute cadence.",
        details: { rule: "sla.customer-update-overdue", inputs: { updateEveryMinutes: 240, clock: "BUSINESS_HOURS", notify: "leads+managers" } },
      });
      expect(await runSweep(at("4T10:01:00"))).toEqual(NOTHING);
    });
  });

  describe("reclassification", () => {
    // Tuesday 2026-12-08 09:00 UTC. MEDIUM × MEDIUM → P3 on business hours, then found to be HIGH × HIGH → P1.
    const at = minutesAfter("2026-12-08T09:00:00Z");

    it("recomputes priority and due times from the time already used, and a budget it finds spent escalates at once", async () => {
      const created = await createTicket(acme, { type: "INCIDENT", title: "Backups failing", description: "Since last night.", category: "data", impact: "MEDIUM", urgency: "MEDIUM" }, at(0));
      const number = created.number;
      closeWhenFinished(number, at(61));
      expect(created.due).toEqual({
        firstResponseAt: at(120).toISOString(),
        // 16 business hours: 9 h Tuesday + 7 h Wednesday.
        resolutionAt: "2026-12-09T15:00:00.000Z",
        nextUpdateAt: at(240).toISOString(),
        tierBudgetEndsAt: at(240).toISOString(),
      });
      const claimed = await claimTicket(l1, number, at(5));
      const t = await updateTicket(l1, number, { version: claimed.version, impact: "HIGH", urgency: "HIGH" }, at(60));
      expect({ priority: t.priority, impact: t.impact, urgency: t.urgency, tier: t.tier }).toEqual({ priority: "P1", impact: "HIGH", urgency: "HIGH", tier: "L1" });
      expect(t.due).toEqual({
        // P1 first response 15 min, 60 already used: due now.
        firstResponseAt: at(60).toISOString(),
        // 240 − 60 = 180 min on the 24×7 clock.
        resolutionAt: at(240).toISOString(),
        // P1 wants an update every 30 min: sooner than the P3 one pending at 13:00.
        nextUpdateAt: at(90).toISOString(),
        // L1's P1 budget of 15 min is already spent: due now.
        tierBudgetEndsAt: at(60).toISOString(),
      });
      const [reclassified] = await lastEvents(number, 1);
      expect(reclassified).toMatchObject({
        type: "RECLASSIFIED",
        actor: { userId: "l1agent" },
        explanation: "Reclassified P3 → P1 by Lena First on priority matrix v1: impact Medium → High, urgency Medium → High; due times recomputed from the time already used.",
        details: {
          rule: "matrix.cell",
          inputs: { from: { impact: "MEDIUM", urgency: "MEDIUM", priority: "P3" }, to: { impact: "HIGH", urgency: "HIGH", priority: "P1" }, matrixVersion: 1, cell: "HIGH×HIGH" },
        },
      });

      expect(await runSweep(at(60))).toEqual({ ...NOTHING, escalated: 1 });
      const escalated = await getTicket(manager, number);
      expect({ tier: escalated.tier, assignee: escalated.assignee?.userId }).toEqual({ tier: "L2", assignee: "l2agent" });
      expect((await lastEvents(number, 2))[0]).toMatchObject({
        type: "AUTO_ESCALATED",
        explanation: "Escalated to L2 Platform Support automatically: L1 budget of 15 min spent.",
        details: { inputs: { budgetMinutes: 15, minutesUsed: 60 } },
      });
    });

    it("alerts managers again at 75 % of the new target after a reclassification moved it later", async () => {
      const p1 = await createTicket(acme, { type: "INCIDENT", title: "Login loop", description: "SSO redirects forever.", category: "access", impact: "HIGH", urgency: "HIGH" }, at(120));
      // P1: 75 % of 4 h at 3 h (the L1 budget is long spent by then too, and the first customer update overdue).
      expect(await runSweep(at(120 + 180))).toMatchObject({ escalated: 1, alerted: 2 });
      const alerted = await getTicket(manager, p1.number);
      expect(await database().db.ticket.findUniqueOrThrow({ where: { number: p1.number }, select: { slaAlertLevel: true } })).toEqual({ slaAlertLevel: 75 });

      // Downgraded to P4 (business hours, 40 h): 75 % lies days ahead again.
      await updateTicket(manager, p1.number, { version: alerted.version, impact: "MEDIUM", urgency: "LOW" }, at(120 + 181));
      const row = await database().db.ticket.findUniqueOrThrow({ where: { number: p1.number }, select: { slaAlertLevel: true, resolutionWarnAt: true } });
      expect(row.slaAlertLevel).toBe(0);
      expect(row.resolutionWarnAt!.getTime()).toBeGreaterThan(at(120 + 181 + 24 * 60).getTime());

      await runSweep(row.resolutionWarnAt!);
      const alerts = (await listEvents(manager, p1.number)).filter((e) => e.type === "ALERT" && e.details?.rule?.startsWith("sla.resolution"));
      expect(alerts.map((e) => e.explanation)).toEqual([
        "The assignee and the group's leads are alerted: 75 % of the P1 resolution target is used.",
        "The assignee and the group's leads are alerted: 75 % of the P4 resolution target is used.",
      ]);
      await closeTicket(p1.number, row.resolutionWarnAt!);
    });
  });

  describe("a spent budget and a resolution alert due in the same run", () => {
    // Thursday 2026-12-10 09:00 UTC, P1 on 24×7: the L1 budget ends at 09:15, 75 % of the 4 h target is used at
    // 12:00, and no sweep runs in between (the customer updates due at 09:30 are flagged and overdue too).
    const at = minutesAfter("2026-12-10T09:00:00Z");
    it("escalates, then alerts at the new tier: the escalation's events and the alert in that order, the alert told to the new assignee", async () => {
      const number = (await createTicket(acme, { type: "INCIDENT", title: "Orders stuck", description: "Nothing ships.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(0))).number;
      closeWhenFinished(number, at(182));
      expect(await runSweep(at(180))).toEqual({ ...NOTHING, escalated: 1, alerted: 2, updatesDue: 1 });
      const events = (await listEvents(manager, number)).filter((e) => e.type !== "CREATED" && e.type !== "CLASSIFIED");
      expect(events.map((e) => [e.type, e.details?.rule, e.toTier, e.at])).toEqual([
        ["AUTO_ESCALATED", "budget.l1", "L2", at(180).toISOString()],
        ["ASSIGNED", "assign.least-loaded", "L2", at(180).toISOString()],
        ["ALERT", "sla.resolution-75", "L2", at(180).toISOString()],
        ["ALERT", "sla.customer-update", "L2", at(180).toISOString()],
        ["ALERT", "sla.customer-update-overdue", "L2", at(180).toISOString()],
      ]);
      expect(events[2]).toMatchObject({
        explanation: "The assignee and the group's leads are alerted: 75 % of the P1 resolution target is used.",
        details: { inputs: { percent: 75, priority: "P1", notify: "assignee+leads" } },
      });
      const warned = await database().db.notification.findMany({ where: { ticket: { number }, cause: "SLA_WARNING" }, include: { recipient: { select: { userId: true } } } });
      expect(warned.map((n) => n.recipient.userId)).toEqual(["l2agent"]);
      expect(await database().db.ticket.findUniqueOrThrow({ where: { number }, select: { slaAlertLevel: true, tier: true } })).toEqual({ slaAlertLevel: 75, tier: "L2" });
      expect(await runSweep(at(181))).toEqual(NOTHING);
    });
  });
});
