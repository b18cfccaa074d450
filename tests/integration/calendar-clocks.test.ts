// Which clock runs on which calendar, through the services on a real database (issue 19): the customer
// clock on the customer's organization's calendar, a tier budget on the calendar of the group the ticket
// is in, a handoff from a Berlin L1 desk to an Austin L2 team, and a new calendar version applying from
// the moment it is published without rewriting the due times already on tickets.
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createCalendar } from "@/lib/admin/create-calendar";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));
const at = (iso: string) => new Date(`${iso}Z`);
// A P3 (impact HIGH × urgency LOW): business hours; response 2 h, resolution 16 h, L1 budget 4 h, L2 budget 8 h.
const P3 = { type: "INCIDENT", description: "The export fails.", category: "access", impact: "HIGH", urgency: "LOW" } as const;

describeEachDatabase("Clocks on the organization's and the group's calendars", (database) => {
  let acme: Actor;
  let globex: Actor;
  let l1: Actor;
  let admin: Actor;
  let l2Group: string;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    globex = await actorFor(db, "C1002");
    l1 = await actorFor(db, "l1agent");
    admin = await actorFor(db, "admin");
    await createCalendar(admin, { slug: "acme-contract", name: "Acme contract", timeZone: "UTC", windows: weekdays("07:00", "19:00"), holidays: [] });
    await createCalendar(admin, { slug: "berlin-desk", name: "Berlin desk", timeZone: "Europe/Berlin", windows: [...weekdays("08:00", "12:00"), ...weekdays("13:00", "17:00")], holidays: [] });
    await createCalendar(admin, { slug: "austin-l2", name: "Austin L2", timeZone: "America/Chicago", windows: weekdays("09:00", "17:00"), holidays: [] });
    const calendarId = async (slug: string) => (await db.supportCalendar.findUniqueOrThrow({ where: { slug } })).id;
    await db.organization.update({ where: { slug: "acme" }, data: { calendarId: await calendarId("acme-contract") } });
    await db.supportGroup.update({ where: { slug: "service-desk" }, data: { calendarId: await calendarId("berlin-desk") } });
    // The group an L1 escalation of the category goes to.
    const category = await db.category.findUniqueOrThrow({ where: { slug: P3.category }, include: { l2Group: true } });
    l2Group = category.l2Group?.slug ?? "platform-support";
    await db.supportGroup.update({ where: { slug: l2Group }, data: { calendarId: await calendarId("austin-l2") } });
  });

  it("starts the customer clock on the organization's contract and the L1 budget on the intake group's hours", async () => {
    // Wednesday 2026-12-02 10:30 UTC = 11:30 in Berlin.
    const ticket = await createTicket(acme, { ...P3, title: "Acme on its contract" }, at("2026-12-02T10:30:00"));
    expect(ticket.priority).toBe("P3");
    expect(ticket.due).toEqual({
      // The contract's 07–19 UTC: 2 h → 12:30; 16 h = 8.5 h Wednesday + 7.5 h Thursday → Thursday 14:30; updates every 4 h.
      firstResponseAt: "2026-12-02T12:30:00.000Z",
      resolutionAt: "2026-12-03T14:30:00.000Z",
      nextUpdateAt: "2026-12-02T14:30:00.000Z",
      // Berlin's 08–12 and 13–17: 11:30–12:00 and 13:00–16:30 → 16:30 Berlin = 15:30 UTC.
      tierBudgetEndsAt: "2026-12-02T15:30:00.000Z",
    });
    const classified = (await listEvents(admin, ticket.number)).find((e) => e.type === "CLASSIFIED");
    expect(classified?.details?.inputs).toMatchObject({ calendars: { customer: "acme-contract v1", tier: "berlin-desk v1" } });

    // A customer whose organization has no calendar runs on the matrix's default (UTC 08–18) for the same instant.
    const other = await createTicket(globex, { ...P3, title: "Globex on the default" }, at("2026-12-02T10:30:00"));
    expect(other.due.resolutionAt).toBe("2026-12-03T16:30:00.000Z"); // 7.5 h Wednesday + 8.5 h Thursday
    expect(other.due.tierBudgetEndsAt).toBe("2026-12-02T15:30:00.000Z"); // the same Berlin desk
    const otherClassified = (await listEvents(admin, other.number)).find((e) => e.type === "CLASSIFIED");
    expect(otherClassified?.details?.inputs).toMatchObject({ calendars: { customer: "default v1", tier: "berlin-desk v1" } });
  });

  it("books L1's time on Berlin's hours and starts L2's budget on Austin's when the ticket is escalated", async () => {
    const { number } = await createTicket(acme, { ...P3, title: "Handed from Berlin to Austin" }, at("2026-12-02T10:30:00"));
    await claimTicket(l1, number, at("2026-12-02T10:31:00"));
    // 14:00 UTC = 15:00 in Berlin = 08:00 in Austin.
    const escalated = await escalateTicket(l1, number, { reason: "Needs the platform team", summary: "Export fails for every user." }, at("2026-12-02T14:00:00"));
    expect(escalated.group.slug).toBe(l2Group);
    // L1 used 11:30–12:00 and 13:00–15:00 Berlin.
    expect(escalated.clocks.tierSecondsUsed.L1).toBe(2.5 * 3600);
    // L2's 8 h in Austin: 09:00–17:00 CST → 23:00 UTC.
    expect(escalated.due.tierBudgetEndsAt).toBe("2026-12-02T23:00:00.000Z");
    // The customer's clock stays on the contract: 3.5 h used, 12.5 h left → Thursday 14:30 UTC.
    expect(escalated.due.resolutionAt).toBe("2026-12-03T14:30:00.000Z");
  });

  it("applies a new calendar version from the moment it is published, keeping the due times already on tickets", async () => {
    const before = await createTicket(acme, { ...P3, title: "Before the new contract hours" }, at("2026-12-07T10:00:00"));
    expect(before.due.resolutionAt).toBe("2026-12-08T14:00:00.000Z"); // 9 h Monday + 7 h Tuesday on 07–19
    const v2 = await publishCalendarVersion(admin, "acme-contract", { name: "Acme contract", timeZone: "UTC", windows: weekdays("07:00", "15:00"), holidays: [], note: "Shorter hours from December" });
    expect(v2.version).toBe(2);

    const after = await createTicket(acme, { ...P3, title: "After the new contract hours" }, at("2026-12-07T10:00:00"));
    expect(after.due.resolutionAt).toBe("2026-12-09T10:00:00.000Z"); // 5 h Monday + 8 h Tuesday + 3 h Wednesday on 07–15
    const classified = (await listEvents(admin, after.number)).find((e) => e.type === "CLASSIFIED");
    expect(classified?.details?.inputs).toMatchObject({ calendars: { customer: "acme-contract v2" } });
    // The earlier ticket's due times are those it was given, and its decision log still names version 1.
    expect((await getTicket(acme, before.number)).due.resolutionAt).toBe("2026-12-08T14:00:00.000Z");
    const earlier = (await listEvents(admin, before.number)).find((e) => e.type === "CLASSIFIED");
    expect(earlier?.details?.inputs).toMatchObject({ calendars: { customer: "acme-contract v1" } });
  });

  it("runs a business-hours priority around the clock for an organization on the built-in 24×7 calendar", async () => {
    const db = database().db;
    const always = await db.supportCalendar.findUniqueOrThrow({ where: { slug: "24x7" } });
    await db.organization.update({ where: { slug: "globex" }, data: { calendarId: always.id } });
    // Saturday: the default calendar is closed, the 24×7 is not.
    const ticket = await createTicket(globex, { ...P3, title: "Globex around the clock" }, at("2026-12-05T10:00:00"));
    expect(ticket.due.firstResponseAt).toBe("2026-12-05T12:00:00.000Z");
    expect(ticket.due.resolutionAt).toBe("2026-12-06T02:00:00.000Z");
    await db.organization.update({ where: { slug: "globex" }, data: { calendarId: null } });
  });
});
