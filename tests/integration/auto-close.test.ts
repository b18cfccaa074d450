import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Actor } from "@/lib/actor";
import { getSupportCalendar } from "@/lib/admin/get-support-calendar";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";
import { AppError } from "@/lib/errors";
import { claimTicket } from "@/lib/routing/claim";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { reopenTicket } from "@/lib/tickets/customer-actions";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { stage } from "../fixtures/journey";
import { describeEachDatabase } from "../fixtures/test-database";

// The support calendar for these tests: UTC, Monday to Friday 08:00–18:00, Friday 25 December a holiday.
// 2026-12-18 Fri, 21 Mon, 22 Tue, 24 Thu, 25 Fri (holiday), 28 Mon, 29 Tue, 30 Wed.
const CALENDAR = { timeZone: "UTC", workdays: [1, 2, 3, 4, 5], opensAt: "08:00", closesAt: "18:00", holidays: [{ date: "2026-12-25", name: "Christmas" }] };
const at = (iso: string) => new Date(`${iso}Z`);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describeEachDatabase("Resolved tickets close themselves", (database) => {
  let acme: Actor;
  let globex: Actor;
  let l1: Actor;
  let manager: Actor;
  let admin: Actor;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    globex = await actorFor(db, "C1002");
    l1 = await actorFor(db, "l1agent");
    manager = await actorFor(db, "manager");
    admin = await actorFor(db, "admin");
    await updateSupportCalendar(admin, { ...CALENDAR, autoCloseBusinessDays: 5 });
  });

  /** A ticket of `customer` opened, claimed and resolved by L1 at `resolvedAt`. */
  async function resolvedTicket(customer: Actor, title: string, resolvedAt: Date): Promise<string> {
    const opened = new Date(resolvedAt.getTime() - 60 * 60_000);
    const { number } = await createTicket(customer, { type: "INCIDENT", title, description: "It broke.", category: "access", impact: "LOW", urgency: "LOW" }, opened);
    const claimed = await claimTicket(l1, number, new Date(opened.getTime() + 60_000));
    await updateTicket(l1, number, { version: claimed.version, status: "RESOLVED" }, resolvedAt);
    return number;
  }

  const mailsOf = async (number: string) => {
    const { id } = await database().db.ticket.findUniqueOrThrow({ where: { number } });
    return database().db.outboxMessage.findMany({ where: { ticketId: id }, orderBy: { id: "asc" } });
  };

  describe("after five business days, a holiday not counted", () => {
    it("resolves, waits out five business days, closes once with a mail and an event, and can then only be followed up", async () => {
      // One ticket's timeline: each stage starts where the one before left the ticket and the clock.
      const number = await resolvedTicket(acme, "Printer queue stuck", at("2026-12-21T10:00:00"));

      await stage("invites a rating in the resolution mail, with one link to the ticket's rating", async () => {
        const resolution = (await mailsOf(number)).at(-1)!;
        expect(resolution.subject).toBe(`[${number}] Resolved: Printer queue stuck`);
        expect(resolution.body).toContain(`/portal/tickets/${number}#rating`);
      });

      await stage("leaves it resolved while five business days have not passed (Friday 25 is a holiday)", async () => {
        const swept = await runSweep(at("2026-12-29T09:59:00"));
        expect(swept.closed).toBe(0);
        expect((await getTicket(manager, number)).status).toBe("RESOLVED");
      });

      await stage("closes it once they have, with one mail that says so and how to follow up, and an event that says why", async () => {
        const before = (await mailsOf(number)).length;
        expect((await runSweep(at("2026-12-29T10:00:00"))).closed).toBe(1);
        const t = await getTicket(manager, number);
        expect(t.status).toBe("CLOSED");
        const mails = await mailsOf(number);
        expect(mails).toHaveLength(before + 1);
        const closing = mails.at(-1)!;
        expect(closing.toAddress).toBe("carla@acme.example");
        expect(closing.subject).toBe(`[${number}] Closed: Printer queue stuck`);
        expect(closing.body).toContain("have not heard from you for 5 business days");
        expect(closing.body).toContain("cannot be reopened");
        expect(closing.body).toContain(`/portal/tickets/${number}`);
        const event = (await listEvents(manager, number)).at(-1)!;
        expect(event).toMatchObject({
          type: "STATUS_CHANGED",
          actor: null,
          explanation: "Closed automatically: resolved with no reply from the customer for 5 business days.",
          details: { rule: "status.auto-closed", inputs: { from: "RESOLVED", to: "CLOSED", businessDays: 5 } },
        });
      });

      await stage("closes it once: a second sweep, or two at once, find nothing left and mail nothing", async () => {
        const mails = (await mailsOf(number)).length;
        const events = (await listEvents(manager, number)).length;
        const runs = await Promise.all([runSweep(at("2026-12-29T10:01:00")), runSweep(at("2026-12-29T10:01:00")), runSweep(at("2026-12-30T12:00:00"))]);
        expect(runs.map((r) => r.closed)).toEqual([0, 0, 0]);
        expect(await mailsOf(number)).toHaveLength(mails);
        expect(await listEvents(manager, number)).toHaveLength(events);
      });

      await stage("cannot be reopened by the customer once closed", async () => {
        const t = await getTicket(acme, number);
        const error = await failure(reopenTicket(acme, number, { version: t.version, reason: "It is stuck again." }, at("2026-12-30T12:00:00")));
        expect(error.code).toBe("CONFLICT");
        expect((await getTicket(manager, number)).status).toBe("CLOSED");
      });

      await stage("is followed up by a new ticket linked to it as related, with an event on each", async () => {
        const db = database().db;
        const followUp = await createTicket(
          acme,
          { type: "INCIDENT", title: "Printer queue stuck again", description: "Same as before.", category: "access", followUpOf: number },
          at("2026-12-30T12:00:00"),
        );
        const [closedId, newId] = await Promise.all([number, followUp.number].map(async (n) => (await db.ticket.findUniqueOrThrow({ where: { number: n } })).id));
        expect(await db.ticketLink.findMany({ select: { ticketId: true, targetId: true, kind: true } })).toContainEqual({ ticketId: newId, targetId: closedId, kind: "RELATED" });
        expect((await listEvents(manager, followUp.number)).map((e) => e.explanation)).toContain(`Opened as a follow-up to ${number}: linked as related.`);
        expect((await listEvents(manager, number)).at(-1)!.explanation).toBe(`${followUp.number} was opened as a follow-up to this ticket: linked as related.`);
      });

      await stage("refuses a follow-up of another customer's ticket, or an unknown one, alike (400 naming the field), and writes nothing", async () => {
        const tickets = await database().db.ticket.count();
        for (const other of [number, "INC-999999"]) {
          const error = await failure(createTicket(globex, { type: "INCIDENT", title: "Me too", description: "Same.", category: "access", followUpOf: other }, at("2026-12-30T12:00:00")));
          expect(error.code).toBe("VALIDATION");
          expect(error.fields).toEqual({ followUpOf: [`${other} is not one of this customer's tickets.`] });
        }
        expect(await database().db.ticket.count()).toBe(tickets);
      });
    });
  });

  describe("a customer's answer", () => {
    it("starts the wait again: a reply on the resolved ticket counts five business days from the reply", async () => {
      // Resolved Friday 18 Dec 15:00, the customer writes on Tuesday 22 at 09:00: without the reply it would close on
      // Friday 25 — a holiday — so Monday 28 at 15:00; with it, on Wednesday 30 at 09:00.
      const number = await resolvedTicket(globex, "VPN drops at noon", at("2026-12-18T15:00:00"));
      await addComment(globex, number, { visibility: "PUBLIC", body: "Thanks, but one more question about the client." }, at("2026-12-22T09:00:00"));
      expect((await runSweep(at("2026-12-29T10:00:00"))).closed).toBe(0);
      expect((await getTicket(manager, number)).status).toBe("RESOLVED");
      expect((await runSweep(at("2026-12-30T09:00:00"))).closed).toBe(1);
      expect((await getTicket(manager, number)).status).toBe("CLOSED");
    });
  });

  describe("the admin setting", () => {
    // Each test puts back the five business days the other scenarios are written for.
    const restoreFiveDaysWhenFinished = () => onTestFinished(() => updateSupportCalendar(admin, { ...CALENDAR, autoCloseBusinessDays: 5 }).then(() => {}));

    it("turns closing off at 0 and back on", async () => {
      restoreFiveDaysWhenFinished();
      await updateSupportCalendar(admin, { ...CALENDAR, autoCloseBusinessDays: 0 });
      const number = await resolvedTicket(acme, "Old laptop", at("2027-01-04T10:00:00"));
      expect((await runSweep(at("2027-02-01T10:00:00"))).closed).toBe(0);
      expect((await getSupportCalendar(admin)).autoCloseBusinessDays).toBe(0);
      // Absent from an update: unchanged.
      await updateSupportCalendar(admin, CALENDAR);
      expect((await getSupportCalendar(admin)).autoCloseBusinessDays).toBe(0);
      await updateSupportCalendar(admin, { ...CALENDAR, autoCloseBusinessDays: 1 });
      expect((await runSweep(at("2027-02-01T10:00:00"))).closed).toBe(1);
      expect((await getTicket(manager, number)).status).toBe("CLOSED");
    });

    it("refuses a value that is not 0–60 whole business days, naming the field, and changes nothing", async () => {
      restoreFiveDaysWhenFinished();
      await updateSupportCalendar(admin, { ...CALENDAR, autoCloseBusinessDays: 1 });
      for (const bad of [61, -1, 2.5, "5", null]) {
        const error = await failure(updateSupportCalendar(admin, unchecked({ ...CALENDAR, autoCloseBusinessDays: bad })));
        expect(error.code, String(bad)).toBe("VALIDATION");
        expect(Object.keys(error.fields ?? {}), String(bad)).toEqual(["autoCloseBusinessDays"]);
      }
      expect((await getSupportCalendar(admin)).autoCloseBusinessDays).toBe(1);
      const error = await failure(updateSupportCalendar(manager, { ...CALENDAR, autoCloseBusinessDays: 3 }));
      expect(error.code).toBe("FORBIDDEN");
    });
  });
});
