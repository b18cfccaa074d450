import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { actorFor } from "../fixtures/actors";
import { FAST_PACE, playMailJourney } from "../fixtures/journey-mail";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 13 §5: status changes the customer sees are held 5 minutes and coalesced into one mail with the
// latest state; internal hops mail nothing; the acknowledgement, a public reply and a resolution go at once.
const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);

describeEachDatabase("Customer mail: held, coalesced, or at once", (database) => {
  let acme: Actor;
  let l1: Actor;
  let l2: Actor;
  const at = minutesAfter("2026-12-01T10:00:00Z");

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l2 = await actorFor(database().db, "l2agent");
  });

  /** Delivers everything due, batch after batch: the outbox also holds staff mail (the demo manager's SLA alerts), so more than one batch of 10 may be due. */
  const deliverDue = async (options: Parameters<typeof deliverOutbox>[0]) => {
    for (;;) {
      const { sent, retried, failed } = await deliverOutbox(options);
      if (sent + retried + failed === 0) return;
    }
  };
  const mailsOf = (number: string) => database().db.outboxMessage.findMany({ where: { ticket: { number } }, orderBy: { id: "asc" } });
  const subjectsOf = async (number: string) => (await mailsOf(number)).map((m) => m.subject.replace(`[${number}] `, "").split(":")[0]);
  const sentSubjects = async (number: string) => (await mailsOf(number)).filter((m) => m.status === "SENT").map((m) => m.subject.replace(`[${number}] `, "").split(":")[0]);
  /** A new P2 ticket in L1's pull queue at `minute`, its acknowledgement already delivered. */
  async function newTicket(minute: number, title: string): Promise<string> {
    const { number } = await createTicket(acme, { type: "INCIDENT", title, description: "x", category: "platform" }, at(minute));
    await deliverDue({ now: at(minute), smtpUrl: "" });
    return number;
  }

  it("holds a status change the customer sees for 5 minutes, and the worker does not send it before then", async () => {
    const number = await newTicket(0, "Held claim");
    await claimTicket(l1, number, at(1));
    const [, held] = await mailsOf(number);
    expect(held).toMatchObject({ status: "PENDING", nextAttemptAt: at(6), createdAt: at(1), coalesceKey: expect.stringMatching(/^status:\d+$/), statusBefore: "NEW", statusAfter: "ASSIGNED" });
    expect(held!.body).toContain(`Your ticket ${number} is now "Assigned to an agent".`);
    await deliverDue({ now: at(5), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received"]);
    await deliverDue({ now: at(6), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "Assigned to an agent"]);
    expect((await mailsOf(number))[1]!.coalesceKey).toBeNull();
  });

  it("mails nothing for internal hops that keep the status the customer sees: L1 → L2 → L3, each auto-assigned", async () => {
    const number = await newTicket(10, "Internal hops");
    await claimTicket(l1, number, at(10));
    await deliverDue({ now: at(15), smtpUrl: "" });
    const before = await mailsOf(number);
    await escalateTicket(l1, number, { reason: "Needs L2", summary: "Logs attached." }, at(16));
    await escalateTicket(l2, number, { reason: "Needs L3", summary: "Bug." }, at(17));
    expect((await getTicket(l1, number)).tier).toBe("L3");
    expect(await mailsOf(number)).toEqual(before);
    expect(before.map((m) => m.status)).toEqual(["SENT", "SENT"]);
  });

  it("coalesces two changes within 5 minutes into one mail with the latest state, due 5 minutes after the last", async () => {
    const number = await newTicket(20, "Two changes");
    const claimed = await claimTicket(l1, number, at(21));
    await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, at(23));
    const mails = await mailsOf(number);
    expect(mails).toHaveLength(2);
    expect(mails[1]).toMatchObject({ status: "PENDING", nextAttemptAt: at(28), statusBefore: "NEW", statusAfter: "PENDING_CUSTOMER" });
    expect(mails[1]!.subject).toBe(`[${number}] Waiting for your reply: Two changes`);
    await deliverDue({ now: at(26), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received"]);
    await deliverDue({ now: at(28), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "Waiting for your reply"]);
  });

  it("sends two mails for two changes 6 minutes apart, once the first was sent", async () => {
    const number = await newTicket(30, "Six minutes apart");
    const claimed = await claimTicket(l1, number, at(31));
    await deliverDue({ now: at(36), smtpUrl: "" });
    await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, at(37));
    await deliverDue({ now: at(42), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "Assigned to an agent", "Waiting for your reply"]);
  });

  it("holds a ticket that keeps moving no longer than 15 minutes after its first change", async () => {
    const number = await newTicket(50, "Keeps moving");
    let version = (await claimTicket(l1, number, at(50))).version;
    for (const [minute, status] of [[54, "PENDING_CUSTOMER"], [58, "IN_PROGRESS"], [62, "PENDING_CUSTOMER"]] as [number, TicketStatus][]) {
      version = (await updateTicket(l1, number, { version, status }, at(minute))).version;
    }
    expect((await mailsOf(number))[1]).toMatchObject({ nextAttemptAt: at(65), statusAfter: "PENDING_CUSTOMER" });
    expect(await mailsOf(number)).toHaveLength(2);
  });

  it("sends a public reply at once, with the ticket's status, in place of the held status mail", async () => {
    const number = await newTicket(70, "Reply at once");
    await claimTicket(l1, number, at(71));
    await addComment(l1, number, { body: "Looking into it now.", visibility: "PUBLIC" }, at(72));
    const mails = await mailsOf(number);
    expect(mails.map((m) => [m.subject.split(":")[0], m.nextAttemptAt])).toEqual([
      [`[${number}] Received`, at(70)],
      [`[${number}] New reply`, at(72)],
    ]);
    expect(mails[1]!.body).toContain("Looking into it now.");
    expect(mails[1]!.body).toContain("Status: Assigned to an agent");
    await deliverDue({ now: at(72), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "New reply"]);
  });

  it("sends a resolution at once and drops the held status mail it makes stale; a change after it is held again", async () => {
    const number = await newTicket(80, "Resolved at once");
    const claimed = await claimTicket(l1, number, at(81));
    const resolved = await updateTicket(l1, number, { version: claimed.version, status: "RESOLVED" }, at(82));
    expect(await subjectsOf(number)).toEqual(["Received", "Resolved"]);
    expect((await mailsOf(number))[1]!.nextAttemptAt).toEqual(at(82));
    await deliverDue({ now: at(82), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "Resolved"]);
    await updateTicket(l1, number, { version: resolved.version, status: "IN_PROGRESS" }, at(83));
    expect((await mailsOf(number))[2]).toMatchObject({ status: "PENDING", nextAttemptAt: at(88), statusBefore: "RESOLVED", statusAfter: "IN_PROGRESS" });
  });

  it("drops a held mail whose changes ended where the customer last heard", async () => {
    const number = await newTicket(90, "Back and forth");
    const claimed = await claimTicket(l1, number, at(90));
    const working = await updateTicket(l1, number, { version: claimed.version, status: "IN_PROGRESS" }, at(91));
    await deliverDue({ now: at(96), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "In progress"]);
    const waiting = await updateTicket(l1, number, { version: working.version, status: "PENDING_CUSTOMER" }, at(97));
    await updateTicket(l1, number, { version: waiting.version, status: "IN_PROGRESS" }, at(98));
    expect((await mailsOf(number))[2]).toMatchObject({ statusBefore: "IN_PROGRESS", statusAfter: "IN_PROGRESS", nextAttemptAt: at(103) });
    await deliverDue({ now: at(103), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "In progress"]);
    expect(await mailsOf(number)).toHaveLength(2);
  });

  it("mails nothing when the customer answers, but a held \"Waiting for your reply\" takes the new state", async () => {
    const customerAnswer = (minute: number) => addComment(acme, number, { body: `Answer at ${minute}`, visibility: "PUBLIC" }, at(minute));
    const number = await newTicket(120, "Customer answers");
    const claimed = await claimTicket(l1, number, at(120));
    const working = await updateTicket(l1, number, { version: claimed.version, status: "IN_PROGRESS" }, at(121));
    await deliverDue({ now: at(126), smtpUrl: "" });
    // Asked and answered inside the wait: the held mail ends where it began and is dropped.
    await updateTicket(l1, number, { version: working.version, status: "PENDING_CUSTOMER" }, at(127));
    await customerAnswer(128);
    expect((await mailsOf(number))[2]).toMatchObject({ statusBefore: "IN_PROGRESS", statusAfter: "IN_PROGRESS", subject: `[${number}] In progress: Customer answers` });
    await deliverDue({ now: at(132), smtpUrl: "" });
    expect(await sentSubjects(number)).toEqual(["Received", "In progress"]);
    // Asked, told, then answered: the answer itself mails nothing.
    await updateTicket(l1, number, { version: (await getTicket(l1, number)).version, status: "PENDING_CUSTOMER" }, at(133));
    await deliverDue({ now: at(138), smtpUrl: "" });
    await customerAnswer(139);
    await deliverDue({ now: at(150), smtpUrl: "" });
    expect(await subjectsOf(number)).toEqual(["Received", "In progress", "Waiting for your reply"]);
  });

  it("keeps one held row per ticket when 20 status changes are written at once, each in its own transaction", async () => {
    const number = await newTicket(110, "Twenty at once");
    const ticket = await database().db.ticket.findUniqueOrThrow({ where: { number }, select: { id: true, number: true, title: true, customerId: true } });
    const statuses: TicketStatus[] = ["ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR"];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database().db.$transaction((tx) => enqueueStatusMail(tx, ticket, { from: "NEW", to: statuses[i % statuses.length]!, version: 100 + i }, at(110))),
      ),
    );
    const held = (await mailsOf(number)).filter((m) => m.status === "PENDING");
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ coalesceKey: `status:${ticket.id}`, statusBefore: "NEW", nextAttemptAt: at(115) });
  });

  it("coalesces on the sweep's path too: an automatic escalation's mail takes a later change, and takes into a held one", async () => {
    // P1: the L1 budget is 15 minutes; platform-support auto-assigns.
    const p1 = { type: "INCIDENT" as const, description: "x", category: "platform", impact: "HIGH" as const, urgency: "HIGH" as const };
    const first = (await createTicket(acme, { ...p1, title: "Swept then worked" }, at(200))).number;
    await runSweep(at(215));
    expect((await mailsOf(first))[1]).toMatchObject({ statusBefore: "NEW", statusAfter: "ASSIGNED", nextAttemptAt: at(220) });
    const swept = await getTicket(l2, first);
    await updateTicket(l2, first, { version: swept.version, status: "IN_PROGRESS" }, at(217));
    expect(await subjectsOf(first)).toEqual(["Received", "In progress"]);
    await deliverDue({ now: at(222), smtpUrl: "" });
    expect(await sentSubjects(first)).toEqual(["Received", "In progress"]);

    // With L2 as a pull queue, the sweep takes an L1-claimed ticket back to "Received": a held "Assigned to an
    // agent" mail it folds into ends where the customer last heard, and is dropped.
    await database().db.supportGroup.update({ where: { slug: "platform-support" }, data: { assignmentMode: "PULL" } });
    try {
      const second = (await createTicket(acme, { ...p1, title: "Claimed then swept" }, at(300))).number;
      await claimTicket(l1, second, at(314));
      await runSweep(at(315));
      expect((await getTicket(l2, second)).status).toBe("NEW");
      expect((await mailsOf(second))[1]).toMatchObject({ statusBefore: "NEW", statusAfter: "NEW", nextAttemptAt: at(320) });
      await deliverDue({ now: at(320), smtpUrl: "" });
      expect(await sentSubjects(second)).toEqual(["Received"]);
      expect(await mailsOf(second)).toHaveLength(1);
    } finally {
      await database().db.supportGroup.update({ where: { slug: "platform-support" }, data: { assignmentMode: "AUTO" } });
    }
  });

  it("sends at most 3 mails for the journey L1 → L2 → L3 → L4 → L3 → resolved with one public reply", async () => {
    const mails = await playMailJourney(at(400), FAST_PACE);
    expect(mails.map((m) => m.subject.replace(/^\[[A-Z]+-\d+\] /, "").split(":")[0])).toEqual(["Received", "New reply", "Resolved"]);
    expect(mails.map((m) => m.sentAt)).toEqual([at(400), at(400 + FAST_PACE.reply), at(400 + FAST_PACE.resolve)]);
  });
});
