// Vendor targets at L4 (issue 19 §2): a hand-off to an L4 group opens an engagement whose due times come from
// the group's target for the priority, on the target's calendar; the sweep alerts the L3 coordinator at 75 % and,
// at 100 %, also the leads of the coordinator's group and the managers; the coordinator records the vendor's
// response once; the engagement ends however the ticket leaves L4.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createCalendar } from "@/lib/admin/create-calendar";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { Prisma } from "@/lib/db/generated/client";
import { assignTicket } from "@/lib/routing/assign";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { nextVendorAlertAtSql } from "@/lib/routing/vendor-targets.sql";
import { getVendorEngagements } from "@/lib/routing/vendor-engagement-json";
import { recordVendorResponse } from "@/lib/routing/vendor-response";
import { nextVendorAlertAt } from "@/lib/routing/vendor-targets";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { reopenTicket } from "@/lib/tickets/customer-actions";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));
const HANDOFF = { reason: "The vendor's service fails", summary: "Logs attached", toGroup: "cloud-vendor", externalReference: "CASE-1" };
const at = (iso: string) => (minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

describeEachDatabase("Vendor targets at L4", (database) => {
  let admin: Actor;
  let acme: Actor;
  let l2: Actor;
  let l3: Actor;
  let manager: Actor;

  beforeAll(async () => {
    const d = database().db;
    await seedDemoData(d);
    const engineering = await d.supportGroup.findUniqueOrThrow({ where: { slug: "engineering-support" } });
    await d.user.create({
      data: { userId: "l3lead", name: "L3 Lead", role: "AGENT", tier: "L3", openLoad: 1_000, secretHash: "not-used", memberships: { create: [{ groupId: engineering.id, isLead: true }] } },
    });
    admin = await actorFor(d, "admin");
    acme = await actorFor(d, "C1001");
    l2 = await actorFor(d, "l2agent");
    l3 = await actorFor(d, "l3agent");
    manager = await actorFor(d, "manager");
    await createCalendar(admin, { slug: "vendor-hours", name: "Vendor support hours", timeZone: "UTC", windows: weekdays("09:00", "17:00"), holidays: [] });
    const vendor = (await listSupportGroups(admin)).find((g) => g.slug === "cloud-vendor")!;
    const saved = await updateSupportGroup(admin, {
      slug: "cloud-vendor",
      name: vendor.name,
      assignmentMode: vendor.assignmentMode,
      l4Kind: vendor.l4Kind ?? undefined,
      members: [],
      vendorTargets: [
        { priority: "P1", responseMinutes: 30, resolutionMinutes: 240, calendar: "24x7" },
        { priority: "P2", responseMinutes: 60, resolutionMinutes: 480, calendar: "vendor-hours" },
      ],
    });
    expect(saved.vendorTargets).toEqual([
      { priority: "P1", responseMinutes: 30, resolutionMinutes: 240, calendar: "24x7" },
      { priority: "P2", responseMinutes: 60, resolutionMinutes: 480, calendar: "vendor-hours" },
    ]);
  });

  /** A ticket of `impact`×`urgency` handed off to cloud-vendor by l3agent at minute 2. */
  const handedOff = async (title: string, t: (m: number) => Date, impact: "HIGH" | "MEDIUM" | "LOW", urgency: "HIGH" | "MEDIUM" | "LOW") => {
    const { number } = await createTicket(acme, { type: "INCIDENT", title, description: "Down.", category: "platform", impact, urgency }, t(0));
    await assignTicket(manager, number, { userId: "l3agent", group: "engineering-support" }, t(1));
    await escalateTicket(l3, number, HANDOFF, t(2));
    return number;
  };
  const vendorAlerts = async (number: string) =>
    (await database().db.ticketEvent.findMany({ where: { ticket: { number }, type: "ALERT", rule: { startsWith: "vendor." } }, orderBy: { id: "asc" } })).map((e) => e.rule);
  const told = async (number: string, rule: string) => {
    const event = await database().db.ticketEvent.findFirstOrThrow({ where: { ticket: { number }, rule } });
    return (await database().db.notification.findMany({ where: { eventId: event.id }, include: { recipient: { select: { userId: true } } } }))
      .map((n) => `${n.recipient.userId} ${n.cause}`)
      .sort();
  };

  it("measures a P1 on 24×7: alerts once at 75 % and 100 % of each target, tells the right people, and ends on the return", async () => {
    const t = at("2026-03-02T08:00:00Z");
    const number = await handedOff("Vendor P1", t, "HIGH", "HIGH");
    const [engagement] = await getVendorEngagements(l3, number);
    expect(engagement).toMatchObject({
      group: { slug: "cloud-vendor" },
      priority: "P1",
      startedAt: t(2).toISOString(),
      responseDueAt: t(32).toISOString(),
      resolutionDueAt: t(242).toISOString(),
      calendar: "24x7 v1",
      respondedAt: null,
      endedAt: null,
    });
    const handoff = await database().db.ticketEvent.findFirstOrThrow({ where: { ticket: { number }, rule: "escalate.l4-handoff" } });
    expect(handoff.reason).toContain("vendor response due 2026-03-02 08:32 UTC, resolution due 2026-03-02 12:02 UTC (24x7 v1)");

    await runSweep(t(24));
    expect(await vendorAlerts(number)).toEqual([]);
    await runSweep(t(25));
    expect(await vendorAlerts(number)).toEqual(["vendor.response-75"]);
    expect(await told(number, "vendor.response-75")).toEqual(["l3agent VENDOR_WARNING"]);
    await runSweep(t(33));
    await runSweep(t(33));
    expect(await vendorAlerts(number)).toEqual(["vendor.response-75", "vendor.response-100"]);
    expect(await told(number, "vendor.response-100")).toEqual(["l3agent VENDOR_BREACHED", "l3lead VENDOR_BREACHED", "manager VENDOR_BREACHED"]);
    const alert = await database().db.alert.findFirstOrThrow({ where: { ticket: { number }, rule: "vendor.response-100" } });
    expect(alert.acknowledgedAt).toBeNull();

    const responded = await recordVendorResponse(l3, number, { note: "Vendor ticket 88123" }, t(40));
    expect(responded).toMatchObject({ respondedAt: t(40).toISOString(), respondedBy: { userId: "l3agent" }, responseMet: false });
    const event = await database().db.ticketEvent.findFirstOrThrow({ where: { ticket: { number }, type: "VENDOR_RESPONDED" } });
    expect(event.reason).toContain("8 min after the P1 target");
    await expect(recordVendorResponse(manager, number, {}, t(41))).rejects.toMatchObject({ code: "CONFLICT" });

    await runSweep(t(2 + 180));
    expect(await vendorAlerts(number)).toEqual(["vendor.response-75", "vendor.response-100", "vendor.resolution-75"]);
    await returnTicket(l3, number, { guidance: "The vendor patched it; verify with the customer." }, t(200));
    const [ended] = await getVendorEngagements(l3, number);
    expect(ended).toMatchObject({ endedAt: t(200).toISOString(), endedAs: "RETURNED", resolutionMet: true, responseMet: false });
    await runSweep(t(2 + 241));
    expect(await vendorAlerts(number)).toHaveLength(3);
  });

  it("counts a P2 on the vendor's support hours, ends the engagement on a resolve at L4, and starts a new one when the customer reopens", async () => {
    // Friday 16:30 UTC: 30 minutes left on Friday, the rest on Monday from 09:00.
    const t = at("2026-03-06T16:28:00Z");
    const number = await handedOff("Vendor P2", t, "HIGH", "MEDIUM");
    expect((await getTicket(l3, number)).priority).toBe("P2");
    const [engagement] = await getVendorEngagements(l3, number);
    expect(engagement).toMatchObject({ responseDueAt: "2026-03-09T09:30:00.000Z", calendar: "vendor-hours v1" });
    await runSweep(new Date("2026-03-08T12:00:00Z"));
    expect(await vendorAlerts(number)).toEqual([]);
    await runSweep(new Date("2026-03-09T09:15:00Z"));
    expect(await vendorAlerts(number)).toEqual(["vendor.response-75"]);

    const ticket = await getTicket(l3, number);
    const resolvedAt = new Date("2026-03-09T10:00:00Z");
    await updateTicket(l3, number, { version: ticket.version, status: "RESOLVED" }, resolvedAt);
    const [ended] = await getVendorEngagements(l3, number);
    expect(ended).toMatchObject({ endedAt: resolvedAt.toISOString(), endedAs: "RESOLVED", resolutionMet: true });
    await runSweep(new Date("2026-03-10T12:00:00Z"));
    expect(await vendorAlerts(number)).toEqual(["vendor.response-75"]);

    const reopenedAt = new Date("2026-03-10T13:00:00Z");
    const resolved = await getTicket(l3, number);
    await reopenTicket(acme, number, { version: resolved.version, reason: "Still failing after the patch." }, reopenedAt);
    const [again, first] = await getVendorEngagements(l3, number);
    expect(first!.id).toBe(ended!.id);
    expect(again).toMatchObject({ startedAt: reopenedAt.toISOString(), responseDueAt: "2026-03-10T14:00:00.000Z", endedAt: null });
    const ticketAfter = await getTicket(l3, number);
    await updateTicket(l3, number, { version: ticketAfter.version, status: "RESOLVED" }, new Date("2026-03-10T13:30:00Z"));
  });

  it("measures nothing for a priority without a target, and the response is still recorded", async () => {
    const t = at("2026-03-03T08:00:00Z");
    const number = await handedOff("Vendor P3", t, "MEDIUM", "MEDIUM");
    const [engagement] = await getVendorEngagements(l3, number);
    expect(engagement).toMatchObject({ priority: "P3", responseDueAt: null, resolutionDueAt: null });
    await runSweep(t(60 * 24 * 30));
    expect(await vendorAlerts(number)).toEqual([]);
    expect(await recordVendorResponse(l3, number, {}, t(10))).toMatchObject({ respondedAt: t(10).toISOString(), responseMet: null });
    await returnTicket(l3, number, { guidance: "Answered." }, t(20));
  });

  it("refuses a response from the wrong person, at the wrong time or twice, and records exactly one of 50 at once", async () => {
    const t = at("2026-03-04T08:00:00Z");
    const number = await handedOff("Vendor guards", t, "HIGH", "HIGH");
    await expect(getVendorEngagements(acme, number)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordVendorResponse(l2, number, {}, t(5))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordVendorResponse(l3, number, { respondedAt: t(1).toISOString() }, t(5))).rejects.toMatchObject({ code: "VALIDATION", fields: { respondedAt: [expect.stringContaining("before the hand-off")] } });
    await expect(recordVendorResponse(l3, number, { respondedAt: t(6).toISOString() }, t(5))).rejects.toMatchObject({ code: "VALIDATION", fields: { respondedAt: [expect.stringContaining("future")] } });
    await expect(recordVendorResponse(l3, number, { note: "a\u0000b" }, t(5))).rejects.toMatchObject({ code: "VALIDATION" });

    const results = await Promise.allSettled(Array.from({ length: 50 }, () => recordVendorResponse(l3, number, { respondedAt: t(4).toISOString(), note: "ACK ✅ שלום" }, t(5))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
    expect(await database().db.ticketEvent.count({ where: { ticket: { number }, type: "VENDOR_RESPONDED" } })).toBe(1);
    const [engagement] = await getVendorEngagements(l3, number);
    expect(engagement).toMatchObject({ respondedAt: t(4).toISOString(), responseMet: true });

    await returnTicket(l3, number, { guidance: "Done." }, t(10));
    await expect(recordVendorResponse(l3, number, {}, t(11))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("checks vendor targets when they are set, and keeps a calendar they count on", async () => {
    const vendor = { slug: "cloud-vendor", name: "Cloud Vendor", assignmentMode: "PULL", l4Kind: "VENDOR", members: [] };
    const target = { priority: "P1", responseMinutes: 30, resolutionMinutes: 240, calendar: "24x7" };
    const fieldsOf = async (input: object) => {
      try {
        await updateSupportGroup(admin, unchecked(input));
        return null;
      } catch (error) {
        return (error as { fields?: Record<string, string[]> }).fields ?? null;
      }
    };
    expect(await fieldsOf({ ...vendor, vendorTargets: [{ ...target, calendar: "nowhere" }] })).toMatchObject({ vendorTargets: [expect.stringContaining("No calendar nowhere")] });
    expect(await fieldsOf({ ...vendor, vendorTargets: [target, target] })).toHaveProperty("vendorTargets");
    expect(await fieldsOf({ ...vendor, vendorTargets: [{ ...target, responseMinutes: 300 }] })).toHaveProperty(["vendorTargets.0.resolutionMinutes"]);
    expect(await fieldsOf({ ...vendor, vendorTargets: [{ ...target, responseMinutes: 0 }] })).toHaveProperty(["vendorTargets.0.responseMinutes"]);
    const l2group = (await listSupportGroups(admin)).find((g) => g.slug === "platform-support")!;
    expect(
      await fieldsOf({ slug: l2group.slug, name: l2group.name, assignmentMode: l2group.assignmentMode, members: l2group.members.map((m) => m.userId), vendorTargets: [target] }),
    ).toMatchObject({ vendorTargets: ["Only L4 groups have vendor targets."] });
    expect((await listSupportGroups(admin)).find((g) => g.slug === "cloud-vendor")!.vendorTargets).toHaveLength(2);
    await expect(deleteCalendar(admin, "vendor-hours")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("vendor targets of L4 group cloud-vendor") });
  });

  describe("the next alert threshold", () => {
    it("is the same in TypeScript and SQL for every combination of alerts sent and response", async () => {
      const due = {
        responseWarnAt: new Date("2026-03-02T08:22:30Z"),
        responseDueAt: new Date("2026-03-02T08:30:00Z"),
        resolutionWarnAt: new Date("2026-03-02T11:00:00Z"),
        resolutionDueAt: new Date("2026-03-02T12:00:00Z"),
      };
      const responded = new Date("2026-03-02T08:25:00Z");
      const cases = Array.from({ length: 16 }, (_, sent) => [null, responded].map((respondedAt) => ({ sent, respondedAt }))).flat();
      const rows = await database().db.$queryRaw<{ i: number; next: Date | null }[]>(Prisma.sql`
        SELECT c.i, ${nextVendorAlertAtSql("e", Prisma.sql`c.sent`)} AS next
        FROM jsonb_to_recordset(${JSON.stringify(cases.map((c, i) => ({ i, sent: c.sent, respondedAt: c.respondedAt })))}::jsonb)
          AS c(i int, sent int, "respondedAt" timestamp(3))
        CROSS JOIN LATERAL (SELECT c."respondedAt", ${due.responseWarnAt}::timestamp(3) AS "responseWarnAt", ${due.responseDueAt}::timestamp(3) AS "responseDueAt",
          ${due.resolutionWarnAt}::timestamp(3) AS "resolutionWarnAt", ${due.resolutionDueAt}::timestamp(3) AS "resolutionDueAt") e
        ORDER BY c.i`);
      expect(rows.map((r) => r.next?.toISOString() ?? null)).toEqual(cases.map((c) => nextVendorAlertAt(due, c.sent, c.respondedAt)?.toISOString() ?? null));
    });
  });
});
