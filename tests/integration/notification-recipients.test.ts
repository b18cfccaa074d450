// The recipients table of docs/notifications.md, row by row: each decision tells exactly the people listed
// (user ID and cause) and nobody else: no customer, no agent of another group, not the person who decided,
// not a deactivated user. Demo data plus, per group, a lead, a deactivated lead or member, and a PULL L2
// group; managers: `manager` (with an address), `manager2` (none) and a deactivated `oldmanager`.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment, addCommentIn } from "@/lib/tickets/add-comment";
import { notifyMentions } from "@/lib/notifications/notify-mentions";
import { createTicket } from "@/lib/tickets/create-ticket";
import { reopenTicket } from "@/lib/tickets/customer-actions";
import { getCustomerTicket } from "@/lib/tickets/customer-tickets";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { rateTicket } from "@/lib/tickets/rate-ticket";
import { actorFor } from "../fixtures/actors";
import { stage } from "../fixtures/journey";
import { describeEachDatabase } from "../fixtures/test-database";

const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
const P1 = { type: "INCIDENT", description: "Nothing works.", category: "platform", impact: "HIGH", urgency: "HIGH" } as const;
const ESCALATION = { reason: "Needs the next tier", summary: "Logs attached" };

describeEachDatabase("Who is told", (database) => {
  let acme: Actor;
  let l1: Actor;
  let l2: Actor;
  let l3: Actor;
  let manager: Actor;

  beforeAll(async () => {
    const d = database().db;
    await seedDemoData(d);
    const group = async (slug: string) => (await d.supportGroup.findUniqueOrThrow({ where: { slug } })).id;
    const pull = await d.supportGroup.create({ data: { slug: "l2-pull", name: "L2 Pull Queue", tier: "L2", assignmentMode: "PULL" } });
    await d.category.create({ data: { slug: "pullcat", name: "Pulled", defaultImpact: "HIGH", defaultUrgency: "HIGH", l2GroupId: pull.id } });
    const staff = async (userId: string, role: "AGENT" | "MANAGER", tier: "L1" | "L2" | "L3" | null, groups: [string, boolean][], extra: { active?: boolean; openLoad?: number } = {}) => {
      const memberships = await Promise.all(groups.map(async ([slug, isLead]) => ({ groupId: await group(slug), isLead })));
      await d.user.create({ data: { userId, name: userId, role, tier, secretHash: "not-used-to-sign-in", ...extra, memberships: { create: memberships } } });
    };
    // Leads carry a load no newcomer matches, so the least-loaded placement stays with the demo agents.
    await staff("l1lead", "AGENT", "L1", [["service-desk", true]]);
    await staff("l1gone", "AGENT", "L1", [["service-desk", false]], { active: false });
    await staff("l2lead", "AGENT", "L2", [["platform-support", true]], { openLoad: 1_000 });
    await staff("l2leadgone", "AGENT", "L2", [["platform-support", true]], { active: false });
    await staff("l3lead", "AGENT", "L3", [["engineering-support", true]], { openLoad: 1_000 });
    await staff("l2pull1", "AGENT", "L2", [["l2-pull", false]]);
    await staff("l2pull2", "AGENT", "L2", [["l2-pull", true]]);
    await staff("l2pullgone", "AGENT", "L2", [["l2-pull", false]], { active: false });
    await staff("liaison", "AGENT", "L3", [["cloud-vendor", false]], { openLoad: 1_000 });
    await staff("manager2", "MANAGER", null, []);
    await staff("oldmanager", "MANAGER", null, [], { active: false });
    // l3agent also sits in the vendor's group: the one who hands off is not told of their own hand-off.
    await d.groupMembership.create({ data: { userId: (await d.user.findUniqueOrThrow({ where: { userId: "l3agent" } })).id, groupId: await group("cloud-vendor") } });
    await d.user.update({ where: { userId: "manager" }, data: { email: "mia@tierdesk.example" } });
    await d.user.update({ where: { userId: "l2agent" }, data: { email: "priya@tierdesk.example" } });
    acme = await actorFor(d, "C1001");
    l1 = await actorFor(d, "l1agent");
    l2 = await actorFor(d, "l2agent");
    l3 = await actorFor(d, "l3agent");
    manager = await actorFor(d, "manager");
  });

  /** The highest notification id so far: what an action told is what comes after it. */
  const mark = async () => (await database().db.notification.aggregate({ _max: { id: true } }))._max.id ?? 0;
  /** "userId CAUSE" of each notification on ticket `number` after `since`, sorted. */
  const told = async (number: string, since: number) =>
    (await database().db.notification.findMany({ where: { ticket: { number }, id: { gt: since } }, include: { recipient: { select: { userId: true } } } }))
      .map((n) => `${n.recipient.userId} ${n.cause}`)
      .sort();
  /** Every scenario closes its tickets, so later sweeps see only their own. */
  const close = async (number: string, now: Date) => {
    const t = await getTicket(manager, number);
    if (t.status !== "CLOSED") await updateTicket(manager, number, { version: t.version, status: "CLOSED" }, now);
  };
  const open = async (title: string, now: Date, input: Record<string, string> = {}) => (await createTicket(acme, { ...P1, title, ...input }, now)).number;
  /** A P1 claimed by l1agent, answered publicly and resolved at L1. */
  const resolved = async (title: string, at: (m: number) => Date) => {
    const number = await open(title, at(0));
    const claimed = await claimTicket(l1, number, at(1));
    await addComment(l1, number, { body: "Cleared the cache.", visibility: "PUBLIC" }, at(2));
    await updateTicket(l1, number, { version: claimed.version + 1, status: "RESOLVED" }, at(3));
    return number;
  };

  describe("hand-offs", () => {
    const at = minutesAfter("2026-12-07T10:00:00Z");

    it("a new ticket waiting in the PULL intake queue tells nobody", async () => {
      const since = await mark();
      const number = await open("Intake", at(0));
      expect(await told(number, since)).toEqual([]);
      await close(number, at(1));
    });

    it("an intake into an AUTO group tells the agent it is placed with, and nobody else", async () => {
      const d = database().db;
      await d.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
      try {
        const since = await mark();
        const ticket = await createTicket(acme, { ...P1, title: "Intake to AUTO" }, at(0));
        expect(["l1agent", "l1agent2", "l1lead"]).toContain(ticket.assignee?.userId);
        expect(await told(ticket.number, since)).toEqual([`${ticket.assignee!.userId} ASSIGNED`]);
        await close(ticket.number, at(1));
      } finally {
        await d.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "PULL" } });
      }
    });

    it("an escalation into an AUTO group tells the new assignee only (ASSIGNED), not the escalating agent nor the group", async () => {
      const number = await open("Escalated", at(0));
      await claimTicket(l1, number, at(1));
      const since = await mark();
      await escalateTicket(l1, number, ESCALATION, at(2));
      expect(await told(number, since)).toEqual(["l2agent ASSIGNED"]);
      await close(number, at(3));
    });

    it("a manager's assignment tells the new assignee only", async () => {
      const number = await open("Assigned", at(0));
      const since = await mark();
      await assignTicket(manager, number, { userId: "l2agent" }, at(1));
      expect(await told(number, since)).toEqual(["l2agent ASSIGNED"]);
      await close(number, at(2));
    });

    it("a return with guidance tells the agent it returns to, with the guidance, and nobody else", async () => {
      const number = await open("Returned", at(0));
      await claimTicket(l1, number, at(1));
      await escalateTicket(l1, number, ESCALATION, at(2));
      const since = await mark();
      await returnTicket(l2, number, { guidance: "Restart the worker, then check the queue depth." }, at(3));
      expect(await told(number, since)).toEqual(["l1agent RETURNED"]);
      const [n] = await database().db.notification.findMany({ where: { id: { gt: since } } });
      expect(n).toMatchObject({ kind: "ASSIGNMENTS", headline: "Returned to you with guidance" });
      expect(n!.sentence).toContain("Restart the worker, then check the queue depth.");
      await close(number, at(4));
    });

    it("a return into a PULL group with nobody to go back to tells every active member of that group and nobody else", async () => {
      const number = await open("Returned to queue", at(0));
      await escalateTicket(manager, number, ESCALATION, at(1));
      const since = await mark();
      await returnTicket(l2, number, { guidance: "Ask for the HAR file." }, at(2));
      expect(await told(number, since)).toEqual(["l1agent GROUP_QUEUE", "l1agent2 GROUP_QUEUE", "l1lead GROUP_QUEUE"]);
      await close(number, at(3));
    });

    it("an escalation into a PULL group tells every active member of that group and nobody else", async () => {
      const number = await open("Pulled", at(0));
      await claimTicket(l1, number, at(1));
      const since = await mark();
      await escalateTicket(l1, number, { ...ESCALATION, toGroup: "l2-pull" }, at(2));
      expect(await told(number, since)).toEqual(["l2pull1 GROUP_QUEUE", "l2pull2 GROUP_QUEUE"]);
      const kinds = await database().db.notification.findMany({ where: { id: { gt: since } }, select: { kind: true, headline: true } });
      expect(kinds.every((k) => k.kind === "MY_GROUP" && k.headline === "Waiting in your group's queue")).toBe(true);
      await close(number, at(3));
    });

    it("an L4 hand-off tells the vendor group's active members, not the L3 owner who handed it off", async () => {
      const number = await open("Vendor", at(0));
      await assignTicket(manager, number, { userId: "l3agent", group: "engineering-support" }, at(1));
      const since = await mark();
      await escalateTicket(l3, number, { ...ESCALATION, toGroup: "cloud-vendor", externalReference: "CASE-1" }, at(2));
      expect(await told(number, since)).toEqual(["liaison GROUP_QUEUE"]);
      await close(number, at(3));
    });

    it("of two escalations of one ticket at once, only the one that commits tells anyone", async () => {
      const number = await open("Twice", at(0));
      await claimTicket(l1, number, at(1));
      const since = await mark();
      const results = await Promise.allSettled([escalateTicket(l1, number, ESCALATION, at(2)), escalateTicket(l1, number, ESCALATION, at(2))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await told(number, since)).toEqual(["l2agent ASSIGNED"]);
      await close(number, at(3));
    });
  });

  describe("customer activity", () => {
    const at = minutesAfter("2026-12-08T10:00:00Z");

    it("a customer's reply tells the assignee only; on an unassigned ticket every active member of its group", async () => {
      const assigned = await open("Reply assigned", at(0));
      await claimTicket(l1, assigned, at(1));
      const unassigned = await open("Reply unassigned", at(0));
      const since = await mark();
      await addComment(acme, assigned, { body: "Any news?", visibility: "PUBLIC" }, at(2));
      await addComment(acme, unassigned, { body: "Any news?", visibility: "PUBLIC" }, at(2));
      expect(await told(assigned, since)).toEqual(["l1agent CUSTOMER_REPLIED"]);
      expect(await told(unassigned, since)).toEqual(["l1agent CUSTOMER_REPLIED", "l1agent2 CUSTOMER_REPLIED", "l1lead CUSTOMER_REPLIED"]);
      await close(assigned, at(3));
      await close(unassigned, at(3));
    });

    it("a reply that does not commit (its transaction fails later) tells nobody", async () => {
      const number = await open("Rolled back", at(10));
      await claimTicket(l1, number, at(11));
      const since = await mark();
      await expect(
        db().$transaction(async (tx) => {
          await addCommentIn(tx, acme, number, { body: "With a file that fails.", visibility: "PUBLIC" }, at(12));
          throw new Error("the attachment could not be stored");
        }),
      ).rejects.toThrow("attachment");
      expect(await told(number, since)).toEqual([]);
      await close(number, at(13));
    });

    it("'still broken' tells the agent it reopens with, once, and nobody else", async () => {
      const number = await resolved("Reopened", (m) => at(20 + m));
      const since = await mark();
      const t = await getCustomerTicket(acme, number);
      await reopenTicket(acme, number, { version: t.version, reason: "Still empty." }, at(30));
      expect(await told(number, since)).toEqual(["l1agent CUSTOMER_REOPENED"]);
      await close(number, at(31));
    });

    it("a rating of 1 or 2 tells the assignee; a rating of 3 tells nobody", async () => {
      const number = await resolved("Rated", (m) => at(40 + m));
      let since = await mark();
      await rateTicket(acme, number, { score: 3 }, at(50));
      expect(await told(number, since)).toEqual([]);
      await rateTicket(acme, number, { score: 2, comment: "Slow." }, at(51));
      expect(await told(number, since)).toEqual(["l1agent CUSTOMER_RATED_LOW"]);
      since = await mark();
      await rateTicket(acme, number, { score: 1 }, at(52));
      expect(await told(number, since)).toEqual(["l1agent CUSTOMER_RATED_LOW"]);
      await close(number, at(53));
    });

    it("an escalation request tells the assignee and the group's active leads, and on P1 or P2 every active manager", async () => {
      const p1 = await open("Request P1", at(60));
      await claimTicket(l1, p1, at(61));
      await escalateTicket(l1, p1, ESCALATION, at(62));
      const p3 = await open("Request P3", at(60), { impact: "MEDIUM", urgency: "MEDIUM" });
      await claimTicket(l1, p3, at(61));
      await escalateTicket(l1, p3, ESCALATION, at(62));
      const since = await mark();
      for (const number of [p1, p3]) {
        const t = await getCustomerTicket(acme, number);
        await requestEscalation(acme, number, { version: t.version, reason: "Month-end close is tomorrow." }, at(63));
      }
      expect(await told(p1, since)).toEqual(["l2agent ESCALATION_REQUESTED", "l2lead ESCALATION_REQUESTED", "manager ESCALATION_REQUESTED", "manager2 ESCALATION_REQUESTED"]);
      expect(await told(p3, since)).toEqual(["l2agent ESCALATION_REQUESTED", "l2lead ESCALATION_REQUESTED"]);
      await close(p1, at(64));
      await close(p3, at(64));
    });
  });

  describe("the sweep", () => {
    // A P1 on the 24×7 clock: L1 budget 15 min, L2 60 min, L3 120 min; resolution 4 h (75 % at 3 h); updates every 30 min.
    const at = minutesAfter("2026-12-09T10:00:00Z");

    it("follows one swept P1 from L1 to L3 and a breached target, telling each person once and mailing staff by default", async () => {
      // One ticket's timeline: each stage starts where the one before left the ticket and the clock.
      const number = await open("Swept", at(0));

      await stage("an automatic escalation tells the new assignee and the agent who lost the ticket, and nobody else", async () => {
        await claimTicket(l1, number, at(1));
        const pulled = await open("Swept into a queue", at(0), { category: "pullcat" });
        const since = await mark();
        await runSweep(at(15));
        expect(await told(number, since)).toEqual(["l1agent AUTO_ESCALATED", "l2agent AUTO_ESCALATED"]);
        const rows = await database().db.notification.findMany({ where: { ticket: { number }, id: { gt: since } }, include: { recipient: true }, orderBy: { recipientId: "asc" } });
        expect(Object.fromEntries(rows.map((n) => [n.recipient.userId, [n.kind, n.headline]]))).toEqual({
          l1agent: ["ASSIGNMENTS", "Escalated away from you automatically"],
          l2agent: ["ASSIGNMENTS", "Escalated to you automatically"],
        });
        // Into a PULL group, unclaimed: every active member of the new group.
        expect(await told(pulled, since)).toEqual(["l2pull1 AUTO_ESCALATED", "l2pull2 AUTO_ESCALATED"]);
        await close(pulled, at(16));
      });

      await stage("an overdue customer update tells the group's active leads and every active manager, not the assignee", async () => {
        const since = await mark();
        await runSweep(at(30)); // the update falls due: flagged for the agent, nobody is told
        expect(await told(number, since)).toEqual([]);
        await runSweep(at(45));
        expect(await told(number, since)).toEqual(["l2lead UPDATE_OVERDUE", "manager UPDATE_OVERDUE", "manager2 UPDATE_OVERDUE"]);
      });

      await stage("the sweep run twice at one instant, and two sweeps at once, tell each person once", async () => {
        let since = await mark();
        await runSweep(at(75)); // L2 budget spent: on to L3
        await runSweep(at(75));
        expect(await told(number, since)).toEqual(["l2agent AUTO_ESCALATED", "l3agent AUTO_ESCALATED"]);
        since = await mark();
        await Promise.all([runSweep(at(180)), runSweep(at(180))]); // 75 % of the resolution target
        expect(await told(number, since)).toEqual(["l3agent SLA_WARNING", "l3lead SLA_WARNING"]);
      });

      await stage("a spent L3 budget and a breached resolution target tell the group's active leads and every active manager", async () => {
        let since = await mark();
        await runSweep(at(195));
        expect(await told(number, since)).toEqual(["l3lead L3_BUDGET_SPENT", "manager L3_BUDGET_SPENT", "manager2 L3_BUDGET_SPENT"]);
        since = await mark();
        await runSweep(at(240));
        await runSweep(at(240));
        expect(await told(number, since)).toEqual(["l3lead SLA_BREACHED", "manager SLA_BREACHED", "manager2 SLA_BREACHED"]);
        const alerts = await database().db.notification.findMany({ where: { id: { gt: since } } });
        expect(alerts.every((n) => n.kind === "SLA_ALERTS" && n.alertId !== null && n.headline === "Resolution target breached")).toBe(true);
      });

      await stage("staff mail by default: an SLA alert to a manager with an address (linking to the ticket), none without one", async () => {
        const d = database().db;
        const breach = await d.notification.findFirstOrThrow({ where: { ticket: { number }, cause: "SLA_BREACHED", recipient: { userId: "manager" } } });
        const mails = await d.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "notification:" }, ticket: { number } } });
        const breachMail = mails.find((m) => m.dedupeKey === `notification:${breach.id}`);
        expect(breachMail).toMatchObject({ toAddress: "mia@tierdesk.example", linkPath: `/queue/tickets/${number}`, status: "PENDING" });
        expect(breachMail!.subject).toContain("Resolution target breached");
        // Only mia has an address among those told of alerts; l2agent's assignments stay in-app by default.
        expect(new Set(mails.map((m) => m.toAddress))).toEqual(new Set(["mia@tierdesk.example"]));
        await close(number, at(241));
      });
    });
  });

  describe("preferences", () => {
    const at = minutesAfter("2026-12-10T10:00:00Z");
    const mailsTo = (address: string, number: string) =>
      database().db.outboxMessage.findMany({ where: { toAddress: address, ticket: { number }, dedupeKey: { startsWith: "notification:" } } });

    it("assignments by mail when chosen; SLA alerts not by mail when switched off", async () => {
      const d = database().db;
      const ids = async (...userIds: string[]) => (await d.user.findMany({ where: { userId: { in: userIds } } })).map((u) => u.id);
      const [l2id] = await ids("l2agent");
      const [managerId] = await ids("manager");
      await d.notificationPreference.create({ data: { userId: l2id!, kind: "ASSIGNMENTS", byMail: true, updatedAt: at(0) } });
      await d.notificationPreference.create({ data: { userId: managerId!, kind: "SLA_ALERTS", byMail: false, updatedAt: at(0) } });
      const number = await open("Preferences", at(0));
      await assignTicket(manager, number, { userId: "l2agent" }, at(1));
      expect((await mailsTo("priya@tierdesk.example", number)).map((m) => m.linkPath)).toEqual([`/queue/tickets/${number}`]);
      const t = await getCustomerTicket(acme, number);
      await requestEscalation(acme, number, { version: t.version, reason: "Urgent." }, at(2));
      expect(await told(number, 0)).toContain("manager ESCALATION_REQUESTED");
      expect(await mailsTo("mia@tierdesk.example", number)).toEqual([]);
      await d.notificationPreference.deleteMany({});
      await close(number, at(3));
    });
  });

  describe("mentions", () => {
    const at = minutesAfter("2026-12-11T10:00:00Z");

    it("an @mention in an internal note tells that staff user once, with the mention's sentence only, by mail by default; nobody else", async () => {
      const d = database().db;
      const number = await open("Mentioned", at(0));
      await claimTicket(l1, number, at(1));
      const since = await mark();
      const note = "The gateway drops every hour. @l2agent can you check the TLS settings? Internal: the customer's admin password is hunter2.";
      const comment = await addComment(l1, number, { body: note, visibility: "INTERNAL" }, at(2));
      expect(comment.mentions).toEqual({ notified: ["l2agent"], notNotified: [] });
      expect(await told(number, since)).toEqual(["l2agent MENTIONED"]);
      const [n] = await d.notification.findMany({ where: { id: { gt: since } } });
      expect(n).toMatchObject({ kind: "MENTIONS", occurrence: `comment:${comment.id}`, headline: "Lena First mentioned you", sentence: "@l2agent can you check the TLS settings?" });
      expect(n!.eventId).not.toBeNull();
      const mails = await d.outboxMessage.findMany({ where: { dedupeKey: `notification:${n!.id}` } });
      expect(mails.map((m) => [m.toAddress, m.linkPath])).toEqual([["priya@tierdesk.example", `/queue/tickets/${number}`]]);
      expect(mails[0]!.body).toContain("@l2agent can you check the TLS settings?");
      expect(mails[0]!.body).not.toContain("hunter2");

      // A retry of the same comment tells nobody twice.
      const ticketId = (await d.ticket.findUniqueOrThrow({ where: { number } })).id;
      await db().$transaction((tx) => notifyMentions(tx, l1, { ticketId, commentId: comment.id, eventId: null, body: note }, at(3)));
      expect(await told(number, since)).toEqual(["l2agent MENTIONED"]);
      expect(await d.outboxMessage.count({ where: { dedupeKey: { startsWith: "notification:" }, ticketId, toAddress: "priya@tierdesk.example" } })).toBe(1);
      await close(number, at(4));
    });

    it("a mention of a customer, a deactivated user, an unknown ID or the writer tells nobody and is named back to the writer", async () => {
      const number = await open("Mentioned wrongly", at(10));
      await claimTicket(l1, number, at(11));
      const since = await mark();
      const comment = await addComment(l1, number, { body: "Ask @C1001, @l1gone, @nobody9 and @l1agent; mail a@b.com. Also @Manager!", visibility: "INTERNAL" }, at(12));
      expect(comment.mentions).toEqual({
        notified: ["manager"],
        notNotified: [
          { userId: "C1001", reason: "a customer cannot see internal notes" },
          { userId: "l1gone", reason: "deactivated" },
          { userId: "nobody9", reason: "no such user" },
          { userId: "l1agent", reason: "you wrote the note" },
        ],
      });
      expect(await told(number, since)).toEqual(["manager MENTIONED"]);
      await close(number, at(13));
    });

    it("a mention in a public reply tells nobody", async () => {
      const number = await open("Public mention", at(20));
      await claimTicket(l1, number, at(21));
      const since = await mark();
      const comment = await addComment(l1, number, { body: "@l2agent is looking at it.", visibility: "PUBLIC" }, at(22));
      expect(comment.mentions).toBeUndefined();
      expect(await told(number, since)).toEqual([]);
      await close(number, at(23));
    });
  });
});
