import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { getPriorityMatrix, publishPriorityMatrix } from "@/lib/routing/priority-matrix";
import { returnTicket } from "@/lib/routing/return";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const incident = (title: string) => ({ type: "INCIDENT", title, description: "Details.", category: "platform" }) satisfies z.input<typeof ZCreateTicket>;
const escalation = { reason: "Beyond the SOP", summary: "Followed every SOP step; logs attached." };

describeEachDatabase("routing permissions", (database) => {
  let acme: Actor;
  let globex: Actor;
  let l1: Actor;
  let l1b: Actor;
  let l2: Actor;
  let l3: Actor;
  let manager: Actor;
  let admin: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
    l1 = await actorFor(database().db, "l1agent");
    l1b = await actorFor(database().db, "l1agent2");
    l2 = await actorFor(database().db, "l2agent");
    l3 = await actorFor(database().db, "l3agent");
    manager = await actorFor(database().db, "manager");
    admin = await actorFor(database().db, "admin");
  });

  /** A new ticket by `customer`, claimed by l1agent. */
  const claimed = async (title: string, customer = acme) => {
    const { number } = await createTicket(customer, incident(title), at(0));
    await claimTicket(l1, number, at(1));
    return number;
  };

  /** A new ticket escalated to L2 (assigned to l2agent). */
  const atL2 = async (title: string) => {
    const number = await claimed(title);
    await escalateTicket(l1, number, escalation, at(2));
    return number;
  };

  describe("customers", () => {
    it("cannot see or act on another customer's ticket: every action is 404", async () => {
      const number = await claimed("Globex outage", globex);
      const version = (await getTicket(globex, number)).version;
      const notFound = { status: 404 };
      await expect(getTicket(acme, number)).rejects.toMatchObject(notFound);
      await expect(claimTicket(acme, number, at(3))).rejects.toMatchObject(notFound);
      await expect(escalateTicket(acme, number, escalation, at(3))).rejects.toMatchObject(notFound);
      await expect(returnTicket(acme, number, { guidance: "Try again." }, at(3))).rejects.toMatchObject(notFound);
      await expect(updateTicket(acme, number, { version, status: "RESOLVED" }, at(3))).rejects.toMatchObject(notFound);
      await expect(addComment(acme, number, { body: "Hello?", visibility: "PUBLIC" }, at(3))).rejects.toMatchObject(notFound);
      await expect(listEvents(acme, number)).rejects.toMatchObject(notFound);
      // Nothing changed.
      expect((await getTicket(globex, number)).version).toBe(version);
      expect(await database().db.comment.count({ where: { ticket: { number } } })).toBe(0);
    });

    it("cannot route their own ticket, write internal notes, or see internal notes and routing in the log", async () => {
      const number = await claimed("Acme outage");
      await expect(claimTicket(acme, number, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(escalateTicket(acme, number, escalation, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(updateTicket(acme, number, { version: 2, status: "RESOLVED" }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(addComment(acme, number, { body: "Psst", visibility: "INTERNAL" }, at(3))).rejects.toMatchObject({ status: 403 });

      await addComment(l1, number, { body: "Customer seems to use an old client; ask about version.", visibility: "INTERNAL" }, at(4));
      await addComment(l1, number, { body: "Which client version do you use?", visibility: "PUBLIC" }, at(5));
      await addComment(acme, number, { body: "Version 4.2.", visibility: "PUBLIC" }, at(6));
      await escalateTicket(l1, number, { ...escalation, reason: "Old client crashes the gateway" }, at(7));

      const staff = await listEvents(l1, number);
      expect(staff.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED", "CLAIMED", "COMMENTED", "COMMENTED", "COMMENTED", "ESCALATED", "ASSIGNED"]);
      expect(staff[3]!.details?.inputs).toMatchObject({ visibility: "INTERNAL" });

      const seen = await listEvents(acme, number);
      expect(seen.map((e) => [e.type, e.explanation, e.actor ?? null])).toEqual([
        ["CREATED", "Ticket opened.", { name: "Carla Customer" }],
        ["CLAIMED", "An agent took on your ticket.", null],
        ["COMMENTED", "New reply.", { name: "Lena First" }],
        ["COMMENTED", "New reply.", { name: "Carla Customer" }],
        ["ESCALATED", "Passed to level 2 support.", null],
        ["ASSIGNED", "An agent took on your ticket.", null],
      ]);
      expect(seen.every((e) => e.details === null)).toBe(true);
      expect(JSON.stringify(seen)).not.toMatch(/old client|gateway|platform-support|l2agent|least loaded|matrix/i);
    });

    it("may not read the priority matrix", async () => {
      await expect(getPriorityMatrix(acme)).rejects.toMatchObject({ status: 403 });
      expect((await getPriorityMatrix(l1)).version).toBe(1);
    });
  });

  describe("agents and tiers", () => {
    it("refuses an L1 agent on an L2 ticket: escalate, return, update, reply, and a note unless they handed it on, are 403", async () => {
      const number = await atL2("At L2");
      const { version } = await getTicket(l1, number);
      await expect(escalateTicket(l1, number, escalation, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(returnTicket(l1, number, { guidance: "Take it back." }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(updateTicket(l1, number, { version, status: "RESOLVED" }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(updateTicket(l1, number, { version, impact: "HIGH" }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(addComment(l1, number, { body: "Any news?", visibility: "PUBLIC" }, at(3))).rejects.toMatchObject({ status: 403 });
      // The agent who escalated it may still add a note (handoff.test.ts); another L1 agent may not.
      await expect(addComment(l1b, number, { body: "Any news?", visibility: "INTERNAL" }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(claimTicket(l1, number, at(3))).rejects.toMatchObject({ status: 403 });
      const after = await getTicket(l2, number);
      expect({ version: after.version, tier: after.tier, status: after.status }).toEqual({ version, tier: "L2", status: "ASSIGNED" });
    });

    it("lets only the assignee at the ticket's tier, or a manager, escalate", async () => {
      const number = await claimed("Only the assignee");
      await expect(escalateTicket(l1b, number, escalation, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(escalateTicket(l2, number, escalation, at(3))).rejects.toMatchObject({ status: 403 });
      // An unclaimed ticket has no assignee to escalate it.
      const { number: unclaimed } = await createTicket(acme, incident("Unclaimed"), at(0));
      await expect(escalateTicket(l1, unclaimed, escalation, at(3))).rejects.toMatchObject({ status: 403 });

      const t = await escalateTicket(manager, number, escalation, at(4));
      expect({ tier: t.tier, assignee: t.assignee?.userId }).toEqual({ tier: "L2", assignee: "l2agent" });
      const [escalated] = (await listEvents(manager, number)).filter((e) => e.type === "ESCALATED");
      expect(escalated).toMatchObject({ actor: { userId: "manager" }, explanation: "Escalated to L2 Platform Support by Mia Manager after 4 min at L1. Reason: Beyond the SOP" });
    });

    it("refuses to escalate above L4 or a resolved or closed ticket (409)", async () => {
      const number = await atL2("To the top");
      await escalateTicket(l2, number, escalation, at(3));
      await escalateTicket(l3, number, { ...escalation, toGroup: "architecture", externalReference: "ARCH-77" }, at(4));
      expect((await getTicket(l3, number)).tier).toBe("L4");
      await expect(escalateTicket(l3, number, escalation, at(5))).rejects.toMatchObject({ status: 409 });
      await expect(escalateTicket(manager, number, { ...escalation, toGroup: "cloud-vendor", externalReference: "X-1" }, at(5))).rejects.toMatchObject({ status: 409 });

      const resolved = await claimed("Resolved already");
      await updateTicket(l1, resolved, { version: 2, status: "RESOLVED" }, at(3));
      await expect(escalateTicket(l1, resolved, escalation, at(4))).rejects.toMatchObject({ status: 409 });
      await expect(escalateTicket(manager, resolved, escalation, at(4))).rejects.toMatchObject({ status: 409 });
      const closed = await getTicket(manager, resolved);
      await updateTicket(manager, resolved, { version: closed.version, status: "CLOSED" }, at(5));
      await expect(escalateTicket(manager, resolved, escalation, at(6))).rejects.toMatchObject({ status: 409 });
      await expect(returnTicket(manager, resolved, { guidance: "Back." }, at(6))).rejects.toMatchObject({ status: 409 });
    });

    it("needs the L4 group and the external reference for L3 → L4 (400 naming the field)", async () => {
      const number = await atL2("Needs a vendor");
      await escalateTicket(l2, number, escalation, at(3));
      const { version } = await getTicket(l3, number);
      await expect(escalateTicket(l3, number, { ...escalation, externalReference: "CASE-1" }, at(4))).rejects.toMatchObject({
        status: 400,
        fields: { toGroup: expect.any(Array) },
      });
      await expect(escalateTicket(l3, number, { ...escalation, toGroup: "cloud-vendor" }, at(4))).rejects.toMatchObject({
        status: 400,
        fields: { externalReference: expect.any(Array) },
      });
      await expect(escalateTicket(l3, number, { ...escalation, toGroup: "platform-support", externalReference: "CASE-1" }, at(4))).rejects.toMatchObject({
        status: 400,
        fields: { toGroup: expect.any(Array) },
      });
      await expect(escalateTicket(l3, number, { ...escalation, toGroup: "no-such-group", externalReference: "CASE-1" }, at(4))).rejects.toMatchObject({
        status: 400,
        fields: { toGroup: ["There is no group no-such-group."] },
      });
      await expect(escalateTicket(l3, number, { reason: "", summary: "" }, at(4))).rejects.toMatchObject({
        status: 400,
        fields: { reason: expect.any(Array), summary: expect.any(Array) },
      });
      // Who may move it, and whether it can move at all, come before what the request lacks.
      await expect(escalateTicket(l2, number, escalation, at(4))).rejects.toMatchObject({ status: 403 });
      await expect(escalateTicket(l1, number, { ...escalation, toGroup: "cloud-vendor" }, at(4))).rejects.toMatchObject({ status: 403 });
      expect((await getTicket(l3, number)).version).toBe(version);

      await updateTicket(l3, number, { version, status: "RESOLVED" }, at(5));
      await expect(escalateTicket(l3, number, escalation, at(6))).rejects.toMatchObject({ status: 409 });
    });
  });

  describe("managers", () => {
    it("assign a ticket to a person, and to a group that places it by its own mode", async () => {
      const number = await claimed("Reassign me");
      await expect(assignTicket(l1, number, { userId: "l1agent2" }, at(3))).rejects.toMatchObject({ status: 403 });
      await expect(assignTicket(manager, number, { group: "cloud-vendor" }, at(3))).rejects.toMatchObject({ status: 400, fields: { group: expect.any(Array) } });
      await expect(assignTicket(manager, number, { userId: "C1001" }, at(3))).rejects.toMatchObject({ status: 400, fields: { userId: expect.any(Array) } });

      let t = await assignTicket(manager, number, { userId: "l1agent2" }, at(3));
      expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee?.userId, status: t.status }).toEqual({ tier: "L1", group: "service-desk", assignee: "l1agent2", status: "ASSIGNED" });

      t = await assignTicket(admin, number, { group: "service-desk" }, at(4));
      expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee, status: t.status }).toEqual({ tier: "L1", group: "service-desk", assignee: null, status: "NEW" });

      t = await assignTicket(manager, number, { group: "platform-support" }, at(5));
      expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee?.userId, status: t.status }).toEqual({ tier: "L2", group: "platform-support", assignee: "l2agent", status: "ASSIGNED" });
      expect(t.clocks.tierSecondsUsed.L1).toBe(5 * 60);

      const assigned = (await listEvents(manager, number)).filter((e) => e.type === "ASSIGNED");
      expect(assigned.map((e) => [e.details?.rule, e.actor?.userId, e.details?.toAssignee, e.explanation])).toEqual([
        ["assign.manager", "manager", "l1agent2", "Assigned to Leo First in Service Desk by Mia Manager."],
        ["assign.pull-queue", "admin", null, "Put in the Service Desk queue by Ada Admin: it waits there for an agent to claim it."],
        ["assign.least-loaded", "manager", "l2agent", expect.stringMatching(/^Mia Manager sent it to Platform Support\. Assigned to Priya Second in Platform Support: least loaded of l2agent \(load \d+\)\.$/)],
      ]);

      // L2 can hand a ticket a manager put there back to L1.
      t = await returnTicket(l2, number, { guidance: "Standard password reset; see the SOP." }, at(6));
      expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee, status: t.status }).toEqual({ tier: "L1", group: "service-desk", assignee: null, status: "NEW" });
      const [returned] = (await listEvents(manager, number)).slice(-1);
      expect(returned).toMatchObject({
        type: "RETURNED",
        explanation: "Returned to L1 Service Desk by Priya Second with guidance: Standard password reset; see the SOP.",
        details: { rule: "return.guidance", fromGroup: "platform-support", toGroup: "service-desk", toAssignee: null },
      });
    });

    it("change the L3 coordinator while L4 works on a ticket, or take it off L4 into a group", async () => {
      const toL4 = async (title: string) => {
        const number = await atL2(title);
        await escalateTicket(l2, number, escalation, at(3));
        await escalateTicket(l3, number, { ...escalation, toGroup: "cloud-vendor", externalReference: `CASE-${title.length}` }, at(4));
        return number;
      };

      // Both handed off to L4 by l3agent before a second L3 agent joins.
      const coordinated = await toL4("New coordinator");
      const pulled = await toL4("Pulled back");
      const db = database().db;
      const engineering = await db.supportGroup.findUniqueOrThrow({ where: { slug: "engineering-support" } });
      await db.user.create({
        data: { userId: "l3agent2", name: "Tara Third", role: "AGENT", tier: "L3", secretHash: "not-used-to-sign-in", memberships: { create: { groupId: engineering.id } } },
      });
      const l3b = await actorFor(db, "l3agent2");
      let t = await assignTicket(manager, coordinated, { userId: "l3agent2" }, at(10));
      expect({ tier: t.tier, group: t.group.slug, assignee: t.assignee?.userId, status: t.status, vendor: t.clocks.vendorClockRunning }).toEqual({
        tier: "L4",
        group: "cloud-vendor",
        assignee: "l3agent2",
        status: "PENDING_VENDOR",
        vendor: true,
      });
      const [assigned] = (await listEvents(manager, coordinated)).slice(-1);
      expect(assigned).toMatchObject({
        type: "ASSIGNED",
        explanation: "Tara Third (Engineering Support) now coordinates while Cloud Vendor works on it; assigned by Mia Manager.",
        details: { rule: "assign.l4-coordinator", fromAssignee: "l3agent", toAssignee: "l3agent2" },
      });
      // The new coordinator takes the vendor's reply; the old one no longer may.
      await expect(returnTicket(l3, coordinated, { guidance: "Vendor answered." }, at(20))).rejects.toMatchObject({ status: 403 });
      t = await returnTicket(l3b, coordinated, { guidance: "Vendor answered." }, at(20));
      expect({ tier: t.tier, assignee: t.assignee?.userId, status: t.status }).toEqual({ tier: "L3", assignee: "l3agent2", status: "IN_PROGRESS" });

      t = await assignTicket(manager, pulled, { group: "engineering-support" }, at(30));
      expect({ tier: t.tier, group: t.group.slug, status: t.status, vendor: t.clocks.vendorClockRunning }).toEqual({
        tier: "L3",
        group: "engineering-support",
        status: "ASSIGNED",
        vendor: false,
      });
      expect(t.clocks.vendorSecondsUsed).toBe(26 * 60);
    });

    it("publish a new matrix version; agents may not; invalid matrices are refused and write nothing", async () => {
      const current = await getPriorityMatrix(manager);
      expect(current.version).toBe(1);
      expect(current.cells).toHaveLength(9);
      const shape = { cells: current.cells, targets: current.targets };
      const old = await createTicket(acme, { ...incident("Before v2"), impact: "LOW", urgency: "LOW" }, at(0));
      expect(old.priority).toBe("P5");

      await expect(publishPriorityMatrix(l1, shape)).rejects.toMatchObject({ status: 403 });
      await expect(publishPriorityMatrix(acme, shape)).rejects.toMatchObject({ status: 403 });

      const invalid = [
        { ...shape, cells: shape.cells.slice(1) },
        { ...shape, cells: [...shape.cells.slice(1), shape.cells[1]!] },
        { ...shape, targets: shape.targets.map((t) => (t.priority === "P2" ? { ...t, firstResponseMinutes: t.resolutionMinutes + 1 } : t)) },
        { ...shape, targets: shape.targets.slice(1) },
      ];
      for (const matrix of invalid) await expect(publishPriorityMatrix(manager, unchecked(matrix))).rejects.toMatchObject({ status: 400 });
      await expect(publishPriorityMatrix(manager, unchecked(invalid[2]))).rejects.toMatchObject({ fields: { "targets.1.firstResponseMinutes": expect.any(Array) } });
      expect(await database().db.priorityMatrixVersion.count()).toBe(1);

      const published = await publishPriorityMatrix(manager, {
        ...shape,
        note: "Low × low is P4 now",
        cells: shape.cells.map((c) => (c.impact === "LOW" && c.urgency === "LOW" ? { ...c, priority: "P4" } : c)),
      });
      expect(published.version).toBe(2);
      expect(published.cells.find((c) => c.impact === "LOW" && c.urgency === "LOW")?.priority).toBe("P4");
      expect((await getPriorityMatrix(l2)).version).toBe(2);

      const fresh = await createTicket(acme, { ...incident("After v2"), impact: "LOW", urgency: "LOW" }, at(10));
      expect(fresh.priority).toBe("P4");
      const versionOf = async (number: string) =>
        (await database().db.ticket.findUniqueOrThrow({ where: { number }, select: { matrixVersion: { select: { version: true } } } })).matrixVersion.version;
      expect(await versionOf(fresh.number)).toBe(2);
      expect(await versionOf(old.number)).toBe(1);
      expect((await getTicket(acme, old.number)).priority).toBe("P5");
      const classified = (await listEvents(manager, fresh.number)).find((e) => e.type === "CLASSIFIED");
      expect(classified?.explanation).toMatch(/^Classified P4 by priority matrix v2:/);
    });
  });
});
