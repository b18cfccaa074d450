import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { actorFor } from "../fixtures/actors";
import { stage } from "../fixtures/journey";
import { describeEachDatabase } from "../fixtures/test-database";

// Monday 2026-11-30 09:00 UTC. "platform" defaults to impact MEDIUM × urgency HIGH → P2, a 24×7 clock:
// first response 30 min, resolution 8 h, updates every 60 min, budgets L1 30 min, L2 120 min, L3 240 min.
const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

describeEachDatabase("routing journey L1 → L2 → L1 → L2 → L3 → L4 → L3 → resolved", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l2: Actor;
  let l3: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l2 = await actorFor(database().db, "l2agent");
    l3 = await actorFor(database().db, "l3agent");
  });

  const expectPlace = (ticket: TicketJson, tier: string, group: string, assignee: string | null, status: string) =>
    expect({ tier: ticket.tier, group: ticket.group.slug, assignee: ticket.assignee?.userId ?? null, status: ticket.status }).toEqual({
      tier,
      group,
      assignee,
      status,
    });

  it("walks one ticket L1 → L2 → L1 → L2 → L3 → L4 → L3 → resolved, then reads its log and its mail", async () => {
    // One ticket's journey: each stage starts where the one before left the ticket and the clock.
    const created = await createTicket(customer, { type: "INCIDENT", title: "Dashboard returns 500", description: "Every page load fails.", category: "platform" }, at(0));
    const number = created.number;

    await stage("enters L1 in the service-desk pull queue, unassigned, until an L1 agent claims it", async () => {
      expectPlace(created, "L1", "service-desk", null, "NEW");
      expect(created.priority).toBe("P2");
      expect(created.due.tierBudgetEndsAt).toBe(iso(30));

      const claimed = await claimTicket(l1, number, at(5));
      expectPlace(claimed, "L1", "service-desk", "l1agent", "ASSIGNED");
      expect(claimed.version).toBe(2);
    });

    await stage("escalates L1 → L2: platform-support auto-assigns l2agent", async () => {
      const t = await escalateTicket(l1, number, { reason: "Needs platform logs", summary: "Checked status page; reproduced the 500." }, at(15));
      expectPlace(t, "L2", "platform-support", "l2agent", "ASSIGNED");
      expect(t.clocks.tierSecondsUsed).toEqual({ L1: 15 * 60, L2: 0, L3: 0 });
      // The L2 budget starts from zero: 120 min from the handoff.
      expect(t.due.tierBudgetEndsAt).toBe(iso(15 + 120));
    });

    await stage("returns to L1 with guidance, back to the agent who escalated it, keeping the L1 time used", async () => {
      const t = await returnTicket(l2, number, { guidance: "Clear the CDN cache for the tenant, then retest." }, at(45));
      expectPlace(t, "L1", "service-desk", "l1agent", "IN_PROGRESS");
      expect(t.clocks.tierSecondsUsed).toEqual({ L1: 15 * 60, L2: 30 * 60, L3: 0 });
      // L1 resumes its budget with the 15 minutes it had left.
      expect(t.due.tierBudgetEndsAt).toBe(iso(45 + 15));

      // L1 sees the guidance on the ticket's log.
      const events = await listEvents(l1, number);
      const returned = events.findLast((e) => e.type === "RETURNED");
      expect(returned?.explanation).toContain("Clear the CDN cache for the tenant, then retest.");
      expect(returned?.details?.inputs).toMatchObject({ guidance: "Clear the CDN cache for the tenant, then retest." });
    });

    await stage("escalates to L2 again, then L2 → L3: engineering-support auto-assigns l3agent", async () => {
      let t = await escalateTicket(l1, number, { reason: "Cache clear did not help", summary: "Cleared the CDN cache at 09:48; still 500." }, at(50));
      expectPlace(t, "L2", "platform-support", "l2agent", "ASSIGNED");
      expect(t.clocks.tierSecondsUsed).toEqual({ L1: 20 * 60, L2: 30 * 60, L3: 0 });
      // L2 resumes with 90 of its 120 minutes left.
      expect(t.due.tierBudgetEndsAt).toBe(iso(50 + 90));

      t = await escalateTicket(l2, number, { reason: "Bug in the render service", summary: "Stack trace attached; rollback not possible." }, at(70));
      expectPlace(t, "L3", "engineering-support", "l3agent", "ASSIGNED");
      expect(t.clocks.tierSecondsUsed).toEqual({ L1: 20 * 60, L2: 50 * 60, L3: 0 });
      expect(t.due.tierBudgetEndsAt).toBe(iso(70 + 240));
    });

    await stage("hands off L3 → L4 to the vendor with a reference; the L3 owner stays assignee and the vendor clock runs", async () => {
      const t = await escalateTicket(
        l3,
        number,
        { reason: "Fault in the managed load balancer", summary: "Vendor health checks fail.", toGroup: "cloud-vendor", externalReference: "AWS-CASE-4711" },
        at(100),
      );
      expectPlace(t, "L4", "cloud-vendor", "l3agent", "PENDING_VENDOR");
      expect(t.externalReference).toBe("AWS-CASE-4711");
      expect(t.clocks).toMatchObject({ tierSecondsUsed: { L1: 20 * 60, L2: 50 * 60, L3: 30 * 60 }, vendorClockRunning: true, vendorSecondsUsed: 0 });
      // No tier budget at L4; the customer clock keeps running.
      expect(t.due.tierBudgetEndsAt).toBeNull();
      expect(t.clocks.customerClockRunning).toBe(true);
      expect(t.due.resolutionAt).toBe(iso(8 * 60));
    });

    await stage("comes back to the L3 owner when the vendor replies, with the vendor time counted", async () => {
      const t = await returnTicket(l3, number, { guidance: "Vendor replaced the faulty node." }, at(160));
      expectPlace(t, "L3", "engineering-support", "l3agent", "IN_PROGRESS");
      expect(t.externalReference).toBe("AWS-CASE-4711");
      expect(t.clocks).toMatchObject({ tierSecondsUsed: { L1: 20 * 60, L2: 50 * 60, L3: 30 * 60 }, vendorSecondsUsed: 60 * 60, vendorClockRunning: false });
      // L3 resumes with 210 of its 240 minutes left.
      expect(t.due.tierBudgetEndsAt).toBe(iso(160 + 210));
    });

    await stage("is resolved by the L3 owner: the clocks stop", async () => {
      const reply = await addComment(l3, number, { body: "Fixed: the vendor replaced the faulty node.", visibility: "PUBLIC" }, at(165));
      expect(reply.visibility).toBe("PUBLIC");
      const before = await getTicket(l3, number);
      const t = await updateTicket(l3, number, { version: before.version, status: "RESOLVED" }, at(170));
      expectPlace(t, "L3", "engineering-support", "l3agent", "RESOLVED");
      expect(t.resolvedAt).toBe(iso(170));
      expect(t.clocks).toMatchObject({
        customerClockRunning: false,
        customerSecondsUsed: 170 * 60,
        tierSecondsUsed: { L1: 20 * 60, L2: 50 * 60, L3: 40 * 60 },
        vendorSecondsUsed: 60 * 60,
        vendorClockRunning: false,
      });
      expect(t.due).toEqual({ firstResponseAt: null, resolutionAt: null, nextUpdateAt: null, tierBudgetEndsAt: null });
      expect(t.firstRespondedAt).toBe(iso(165));
    });

    await stage("logs every decision in order, with its rule, actor, tiers and a sentence that says why", async () => {
      const events = await listEvents(l3, number);
      const rows = events.map((e) => ({
        type: e.type,
        rule: e.details?.rule,
        actor: e.actor?.userId ?? null,
        from: e.fromTier,
        to: e.toTier,
        toGroup: e.details?.toGroup ?? null,
        toAssignee: e.details?.toAssignee ?? null,
        at: e.at,
      }));
      expect(rows).toEqual([
        { type: "CREATED", rule: "intake.l1", actor: "C1001", from: null, to: "L1", toGroup: "service-desk", toAssignee: null, at: iso(0) },
        { type: "CLASSIFIED", rule: "matrix.cell", actor: null, from: null, to: null, toGroup: null, toAssignee: null, at: iso(0) },
        { type: "CLAIMED", rule: "claim.pull", actor: "l1agent", from: "L1", to: "L1", toGroup: "service-desk", toAssignee: "l1agent", at: iso(5) },
        { type: "ESCALATED", rule: "escalate.manual", actor: "l1agent", from: "L1", to: "L2", toGroup: "platform-support", toAssignee: "l2agent", at: iso(15) },
        { type: "ASSIGNED", rule: "assign.least-loaded", actor: null, from: "L2", to: "L2", toGroup: "platform-support", toAssignee: "l2agent", at: iso(15) },
        { type: "RETURNED", rule: "return.guidance", actor: "l2agent", from: "L2", to: "L1", toGroup: "service-desk", toAssignee: "l1agent", at: iso(45) },
        { type: "ESCALATED", rule: "escalate.manual", actor: "l1agent", from: "L1", to: "L2", toGroup: "platform-support", toAssignee: "l2agent", at: iso(50) },
        { type: "ASSIGNED", rule: "assign.least-loaded", actor: null, from: "L2", to: "L2", toGroup: "platform-support", toAssignee: "l2agent", at: iso(50) },
        { type: "ESCALATED", rule: "escalate.manual", actor: "l2agent", from: "L2", to: "L3", toGroup: "engineering-support", toAssignee: "l3agent", at: iso(70) },
        { type: "ASSIGNED", rule: "assign.least-loaded", actor: null, from: "L3", to: "L3", toGroup: "engineering-support", toAssignee: "l3agent", at: iso(70) },
        { type: "ESCALATED", rule: "escalate.l4-handoff", actor: "l3agent", from: "L3", to: "L4", toGroup: "cloud-vendor", toAssignee: "l3agent", at: iso(100) },
        { type: "RETURNED", rule: "return.l4-reply", actor: "l3agent", from: "L4", to: "L3", toGroup: "engineering-support", toAssignee: "l3agent", at: iso(160) },
        { type: "COMMENTED", rule: "comment.customer-update", actor: "l3agent", from: "L3", to: "L3", toGroup: null, toAssignee: null, at: iso(165) },
        { type: "STATUS_CHANGED", rule: "status.manual", actor: "l3agent", from: "L3", to: "L3", toGroup: null, toAssignee: null, at: iso(170) },
      ]);

      expect(events.map((e) => e.explanation)).toEqual([
        "Opened by C1001 (Acme); entered L1 at Service Desk, a pull queue, so it waits there for an L1 agent to claim it.",
        "Classified P2 by priority matrix v1: impact Medium (default for Platform outage or error) × urgency High (default for Platform outage or error).",
        "Claimed by Lena First from the Service Desk queue.",
        "Escalated to L2 Platform Support by Lena First after 15 min at L1. Reason: Needs platform logs",
        "Assigned to Priya Second in Platform Support: least loaded of l2agent (load 0).",
        "Returned to L1 Service Desk (Lena First) by Priya Second with guidance: Clear the CDN cache for the tenant, then retest.",
        "Escalated to L2 Platform Support by Lena First after 20 min at L1. Reason: Cache clear did not help",
        "Assigned to Priya Second in Platform Support: least loaded of l2agent (load 0).",
        "Escalated to L3 Engineering Support by Priya Second after 50 min at L2. Reason: Bug in the render service",
        "Assigned to Theo Third in Engineering Support: least loaded of l3agent (load 0).",
        "Handed off to Cloud Vendor (L4, vendor) as AWS-CASE-4711; Theo Third coordinates; vendor response due 2026-11-30 11:40 UTC, resolution due 2026-11-30 18:40 UTC (24x7 v1). Reason: Fault in the managed load balancer",
        "Cloud Vendor replied (AWS-CASE-4711) after 60 min on the vendor clock; back with Theo Third in Engineering Support: Vendor replaced the faulty node.",
        "Public reply by Theo Third (first response).",
        "Theo Third changed the status from IN_PROGRESS to RESOLVED.",
      ]);

      // The escalations carry the SOP checklist: the reason and the data gathered.
      const handoff = events.find((e) => e.details?.rule === "escalate.l4-handoff");
      expect(handoff?.details?.inputs).toMatchObject({
        reason: "Fault in the managed load balancer",
        summary: "Vendor health checks fail.",
        externalReference: "AWS-CASE-4711",
        l4Kind: "VENDOR",
        tierMinutesUsed: 30,
      });
      const assigned = events.find((e) => e.type === "ASSIGNED");
      expect(assigned?.details?.inputs).toMatchObject({
        group: "platform-support",
        assignmentMode: "AUTO",
        candidates: [{ userId: "l2agent", load: 0, openTickets: 0, lastAssignedAt: null }],
      });
      const reply = events.find((e) => e.details?.rule === "return.l4-reply");
      expect(reply?.details?.inputs).toMatchObject({ vendorMinutesUsed: 60 });
    });

    await stage("tells the customer the story without the internal routing", async () => {
      const events = await listEvents(customer, number);
      expect(events.map((e) => [e.type, e.explanation])).toEqual([
        ["CREATED", "Ticket opened."],
        ["CLAIMED", "An agent took on your ticket."],
        ["ESCALATED", "Passed to level 2 support."],
        ["ASSIGNED", "An agent took on your ticket."],
        ["RETURNED", "Back with level 1 support."],
        ["ESCALATED", "Passed to level 2 support."],
        ["ASSIGNED", "An agent took on your ticket."],
        ["ESCALATED", "Passed to level 3 support."],
        ["ASSIGNED", "An agent took on your ticket."],
        ["ESCALATED", "Passed to a specialist team."],
        ["RETURNED", "Back with level 3 support."],
        ["COMMENTED", "New reply."],
        ["STATUS_CHANGED", "Status: Resolved."],
      ]);
      expect(events.every((e) => e.details === null)).toBe(true);
      expect(JSON.stringify(events)).not.toMatch(/AWS-CASE|CDN cache|l2agent|Priya|cloud-vendor/);
    });

    await stage("mails the customer the acknowledgement, the reply and the resolution: the held status changes fold into the reply", async () => {
      // No worker ran during the journey, so every status change the customer sees was still held when the reply went.
      const mails = await database().db.outboxMessage.findMany({ where: { ticket: { number } }, orderBy: { id: "asc" } });
      expect(mails.map((m) => m.subject.replace(/^\[[A-Z]+-\d+\] /, "").split(":")[0])).toEqual(["Received", "New reply", "Resolved"]);
      expect(mails[1]!.body).toContain("Status: In progress");
      expect(mails.every((m) => m.toAddress === "carla@acme.example")).toBe(true);
    });
  });
});
