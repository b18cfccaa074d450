import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { runSweep } from "@/lib/routing/sweep";
import { categoryTable } from "@/lib/metrics/dashboard-tables";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { setSopStep } from "@/lib/tickets/set-sop-step";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import type { DashboardMetric } from "@/lib/validation/dashboard";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// The SOP checklist lives on the ticket: ticks are saved with who and when, and L1 → L2 needs the required
// steps ticked or an override with its reason. The seeded Performance SOP has two required steps.

const T0 = Date.parse("2026-11-30T09:00:00Z"); // a Monday morning, in support hours
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const ASK = "Ask which pages or calls are slow, since when, and from which region or network.";
const MEASURE = "Measure response times from the support tenant for the same pages.";
const MONITORING = "Check the monitoring dashboard for the region; link a known degradation if there is one.";

describeEachDatabase("the SOP checklist and the escalation guard", (database) => {
  let carla: Actor;
  let gus: Actor;
  let lena: Actor;
  let leo: Actor;
  let priya: Actor;
  let mia: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    const who = (id: string) => actorFor(database().db, id);
    carla = await who("C1001");
    gus = await who("C1002");
    lena = await who("l1agent");
    leo = await who("l1agent2");
    priya = await who("l2agent");
    mia = await who("manager");
  });

  /** Each performance ticket this file opens, by what happens to it (the dashboard test counts them). */
  const made: Record<string, string> = {};
  async function slowTicket(minute: number, label: string): Promise<string> {
    const { number } = await createTicket(carla, { type: "INCIDENT", title: "Reports take a minute to load", description: "Since Monday.", category: "performance" }, at(minute));
    await claimTicket(lena, number, at(minute + 1));
    made[label] = number;
    return number;
  }
  const sopEvents = async (number: string) => (await listEvents(mia, number)).filter((e) => e.type === "SOP_STEP_CHANGED");
  const escalation = { reason: "Slow for every user in the region", summary: "Timings attached." };

  describe("ticking a step", () => {
    let number = "";
    beforeAll(async () => {
      number = await slowTicket(0, "allRequiredTicked");
    });

    it("is saved with who and when, and logged once in a sentence; ticking it again changes and logs nothing", async () => {
      const first = await setSopStep(lena, number, { step: ASK, done: true }, at(2));
      expect(first.changed).toBe(true);
      expect(first.steps[0]).toEqual({ text: ASK, required: true, done: true, changedBy: { userId: "l1agent", name: lena.name }, changedAt: at(2).toISOString() });
      const again = await setSopStep(leo, number, { step: 1, done: true }, at(3));
      expect(again.changed).toBe(false);
      expect(again.steps[0]?.changedBy?.userId).toBe("l1agent");
      const events = await sopEvents(number);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: { userId: "l1agent" },
        at: at(2).toISOString(),
        explanation: `${lena.name} ticked “${ASK}” (a required step) of SOP: Performance.`,
        details: { rule: "sop.step-ticked", inputs: { step: ASK, number: 1, required: true, done: true } },
      });
    });

    it("can be unticked, which is logged too", async () => {
      await setSopStep(lena, number, { step: MONITORING, done: true }, at(4));
      const undone = await setSopStep(lena, number, { step: 3, done: false }, at(5));
      expect(undone.steps[2]).toMatchObject({ done: false, changedBy: { userId: "l1agent" }, changedAt: at(5).toISOString() });
      expect((await sopEvents(number)).map((e) => e.details?.rule)).toEqual(["sop.step-ticked", "sop.step-ticked", "sop.step-unticked"]);
    });

    it("fired 50 times at once leaves one row and one event", async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => setSopStep(lena, number, { step: MEASURE, done: true }, at(6))));
      expect(results.filter((r) => r.changed)).toHaveLength(1);
      expect(await database().db.ticketSopStep.count({ where: { ticket: { number }, step: MEASURE } })).toBe(1);
      expect((await sopEvents(number)).filter((e) => (e.details?.inputs as { step?: string }).step === MEASURE)).toHaveLength(1);
    });

    it("is refused to customers (403 on their own ticket, 404 on another's) and to another tier's agent (403)", async () => {
      await expect(setSopStep(carla, number, { step: 4, done: true }, at(7))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setSopStep(gus, number, { step: 4, done: true }, at(7))).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setSopStep(priya, number, { step: 4, done: true }, at(7))).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await sopEvents(number)).toHaveLength(4);
    });

    it("of a step not in the category's SOP, or with bad input, is a 400 naming the field", async () => {
      await expect(setSopStep(lena, number, { step: "Reboot the customer's router", done: true }, at(8))).rejects.toMatchObject({ code: "VALIDATION", fields: { step: [expect.any(String)] } });
      await expect(setSopStep(lena, number, { step: 9, done: true }, at(8))).rejects.toMatchObject({ code: "VALIDATION", fields: { step: ["The SOP has 4 steps; there is no step 9."] } });
      await expect(setSopStep(lena, number, { step: "Ask\u0000", done: true }, at(8))).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(setSopStep(lena, number, unchecked({ step: "مرحبا 🚦", done: "yes" }), at(8))).rejects.toMatchObject({ code: "VALIDATION", fields: { done: [expect.any(String)] } });
      expect(await sopEvents(number)).toHaveLength(4);
    });

    it("on a resolved ticket is a conflict (409)", async () => {
      const resolvedNumber = await slowTicket(10, "resolved");
      const t = await getTicket(lena, resolvedNumber);
      await updateTicket(lena, resolvedNumber, { version: t.version, status: "RESOLVED" }, at(12));
      await expect(setSopStep(lena, resolvedNumber, { step: 1, done: true }, at(13))).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await sopEvents(resolvedNumber)).toHaveLength(0);
    });
  });

  describe("escalating from L1 to L2", () => {
    it("is refused while required steps are open: a 409 naming them, nothing changed, nothing logged", async () => {
      const number = await slowTicket(20, "refused");
      await setSopStep(lena, number, { step: ASK, done: true }, at(22));
      const before = await getTicket(mia, number);
      const eventsBefore = (await listEvents(mia, number)).length;
      const refusal = await escalateTicket(lena, number, escalation, at(23)).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: "CONFLICT", details: { openSteps: [MEASURE] } });
      expect((refusal as Error).message).toContain(`“${MEASURE}”`);
      expect((refusal as { toJSON(): unknown }).toJSON()).toMatchObject({ error: { code: "CONFLICT", openSteps: [MEASURE] } });
      const after = await getTicket(mia, number);
      expect({ tier: after.tier, version: after.version, group: after.group.slug }).toEqual({ tier: "L1", version: before.version, group: "service-desk" });
      expect(await listEvents(mia, number)).toHaveLength(eventsBefore);
      // A manager is held to the SOP too.
      await expect(escalateTicket(mia, number, escalation, at(23))).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("goes through with an override and its reason, both in the log under escalate.sop-override", async () => {
      const number = await slowTicket(30, "overridden");
      await expect(escalateTicket(lena, number, { ...escalation, sopOverride: "   " }, at(32))).rejects.toMatchObject({ code: "VALIDATION", fields: { sopOverride: [expect.any(String)] } });
      const ticket = await escalateTicket(lena, number, { ...escalation, sopOverride: "The customer's CEO is on the line; L2 must look now. 🚨" }, at(33));
      expect(ticket.tier).toBe("L2");
      const escalated = (await listEvents(mia, number)).findLast((e) => e.type === "ESCALATED");
      expect(escalated?.details).toMatchObject({
        rule: "escalate.sop-override",
        inputs: { sopOverride: "The customer's CEO is on the line; L2 must look now. 🚨", openRequiredSteps: [ASK, MEASURE], stepsDone: [] },
      });
      expect(escalated?.explanation).toContain(`overriding the SOP with 2 required steps open (“${ASK}” and “${MEASURE}”) because: The customer's CEO is on the line`);
      expect(escalated?.handoff).toMatchObject({ sopOverride: "The customer's CEO is on the line; L2 must look now. 🚨", openRequiredSteps: [ASK, MEASURE] });
    });

    it("goes through once the required steps are ticked; the ticks survive the hand-off and the L2 agent sees who ticked them", async () => {
      const number = await slowTicket(40, "followed");
      await setSopStep(lena, number, { step: ASK, done: true }, at(41));
      await setSopStep(leo, number, { step: 2, done: true }, at(42));
      const ticket = await escalateTicket(lena, number, { ...escalation, sopOverride: "Not needed" }, at(43));
      expect(ticket.tier).toBe("L2");
      const escalated = (await listEvents(priya, number)).findLast((e) => e.type === "ESCALATED");
      // An override sent when nothing is open is not recorded.
      expect(escalated?.details).toMatchObject({ rule: "escalate.manual", inputs: { stepsDone: [ASK, MEASURE], openRequiredSteps: [] } });
      expect((escalated?.details?.inputs as Record<string, unknown>).sopOverride).toBeUndefined();
      expect(escalated?.handoff?.stepsDone).toEqual([ASK, MEASURE]);

      const workspace = await loadTicketWorkspace(priya, number, at(44));
      expect(workspace.sop?.steps.map((s) => [s.text, s.done, s.changedBy?.name ?? null])).toEqual([
        [ASK, true, lena.name],
        [MEASURE, true, leo.name],
        [MONITORING, false, null],
        [expect.any(String), false, null],
      ]);
      expect(workspace.actions.tickSop).toBe(true);
      // L2 may go on ticking at its tier; L1 no longer can.
      await expect(setSopStep(priya, number, { step: 3, done: true }, at(45))).resolves.toMatchObject({ changed: true });
      await expect(setSopStep(lena, number, { step: 4, done: true }, at(45))).rejects.toMatchObject({ code: "FORBIDDEN" });
      // L2 → L3 is not held to the L1 SOP.
      await expect(escalateTicket(priya, number, escalation, at(46))).resolves.toMatchObject({ tier: "L3" });
    });
  });

  describe("the budget sweep", () => {
    it("escalates an L1 ticket whose budget is spent though required steps are open, and notes the steps left", async () => {
      const number = await slowTicket(60, "swept");
      await setSopStep(lena, number, { step: MEASURE, done: true }, at(61));
      const due = (await getTicket(mia, number)).due.tierBudgetEndsAt;
      expect(due).not.toBeNull();
      const result = await runSweep(new Date(Date.parse(due!) + 60_000));
      expect(result.escalated).toBeGreaterThanOrEqual(1);
      expect((await getTicket(mia, number)).tier).toBe("L2");
      const auto = (await listEvents(mia, number)).findLast((e) => e.type === "AUTO_ESCALATED");
      expect(auto?.details?.inputs).toMatchObject({ stepsDone: [MEASURE], openRequiredSteps: [ASK], sopStepsLeft: 3 });
      expect(auto?.explanation).toContain(`Required SOP step left undone: “${ASK}”.`);
      expect(auto?.handoff).toMatchObject({ kind: "AUTO_ESCALATION", stepsDone: [MEASURE], openRequiredSteps: [ASK] });
    });
  });

  describe("the dashboard's categories table", () => {
    it("shows per category the share of L1→L2 escalations that followed the SOP and the override rate, with drill-down", async () => {
      // Escalated L1→L2 today: the override (C), the one that followed the SOP (D), and by the sweep the three still at L1:
      // the one whose required steps were all ticked (A), the refused one (B) and the swept one (E). The resolved one never moved.
      const query = { period: "custom", from: "2026-11-30", to: "2026-11-30" };
      const now = at(24 * 60);
      const metrics = await getEscalationMetrics(mia, query, now);
      const performance = metrics.topCategories.find((c) => c.slug === "performance");
      expect(performance).toMatchObject({ opened: 6, escalated: 5, sopComplete: 2, sopCompletionRate: 2 / 5, sopOverridden: 1, sopOverrideRate: 1 / 5 });
      const numbers = async (metric: DashboardMetric) => (await findMetricTickets(mia, { ...query, category: "performance", metric }, now)).rows.map((r) => r.number).sort();
      expect(await numbers("sop-complete")).toEqual([made.allRequiredTicked, made.followed].sort());
      expect(await numbers("sop-override")).toEqual([made.overridden]);
      const table = categoryTable(metrics, { period: "custom", from: "2026-11-30", to: "2026-11-30" });
      const row = table.rows.find((r) => r[0]?.text === performance?.name);
      expect(row?.map((c) => c.text)).toEqual(expect.arrayContaining(["40.0 %", "20.0 %"]));
      expect(row?.find((c) => c.href?.includes("metric=sop-override"))?.value).toBe(1);
    });
  });
});
