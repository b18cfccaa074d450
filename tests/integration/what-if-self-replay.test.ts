import { beforeAll, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/actor";
import { createCalendar } from "@/lib/admin/create-calendar";
import { loadReplayHistories, loadReplaySetting } from "@/lib/admin/load-replay-histories";
import { runWhatIf } from "@/lib/admin/run-what-if";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { recordVendorResponse } from "@/lib/routing/vendor-response";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { replayTicket } from "@/lib/routing/replay";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { replayRules, settingCalendars } from "@/lib/routing/what-if";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { reopenTicket } from "@/lib/tickets/customer-actions";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { getPriorityMatrix } from "@/lib/routing/priority-matrix";
import type { Impact, TicketStatus, Urgency } from "@/lib/db/generated/enums";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// A year of tickets lived through the real services, with the sweep run at every instant a clock fell due
// (as if it ran continuously), on three calendars (Acme's contract for its customer clocks, a Berlin L1 desk
// with a lunch break, an Austin L2 team) and the default for Globex, and an L4 vendor with targets: then a replay of the current rules over that year must find, ticket by
// ticket, the outcomes the desk recorded: first response and resolution met or breached, the automatic
// escalations, the customer updates that fell due, and the vendor's missed responses and resolutions.

const YEAR_START = Date.parse("2025-01-01T00:00:00Z");
const NOW = new Date("2026-01-10T00:00:00Z");
const TICKETS = 84;
const IMPACTS: Impact[] = ["HIGH", "MEDIUM", "LOW"];
const URGENCIES: Urgency[] = ["HIGH", "MEDIUM", "LOW"];
const CATEGORIES = ["platform", "access", "data"];

/** A small deterministic generator: the same year every run. */
function random(seed: number) {
  let s = seed;
  return (min: number, max: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return min + (s % (max - min + 1));
  };
}

interface Action {
  at: Date;
  ticket: number;
  run: (number: string) => Promise<unknown>;
}

describeEachDatabase("what-if replays the recorded year", (database) => {
  let acme: Actor;
  let globex: Actor;
  let manager: Actor;
  const numbers: string[] = [];

  /** Runs the sweep at each instant before `until` at which a clock of the year's tickets falls due. */
  async function sweepUntil(until: Date) {
    for (;;) {
      const [row] = await database().db.$queryRaw<{ next: Date | null }[]>(Prisma.sql`
        SELECT min(x) AS next FROM "Ticket" t, LATERAL (VALUES
          (CASE WHEN t."tier" IN ('L1', 'L2') AND t."tierClockSince" IS NOT NULL THEN t."tierBudgetEndsAt" END),
          (CASE WHEN t."updateDueFlaggedAt" IS NULL THEN t."nextUpdateDueAt" END),
          (CASE WHEN t."slaAlertLevel" < 100 THEN t."resolutionDueAt" END),
          (CASE WHEN t."slaAlertLevel" < 75 THEN t."resolutionWarnAt" END)) AS due(x)
        WHERE t."createdAt" >= ${new Date(YEAR_START)}::timestamp(3) AND t."createdAt" < ${NOW}::timestamp(3)
          AND t."status" NOT IN ('RESOLVED', 'CLOSED')`);
      if (!row?.next || row.next.getTime() >= until.getTime()) return;
      await runSweep(row.next);
    }
  }

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    const admin = await actorFor(db, "admin");
    const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));
    await createCalendar(admin, { slug: "acme-contract", name: "Acme contract", timeZone: "UTC", windows: weekdays("07:00", "19:00"), holidays: [] });
    await createCalendar(admin, { slug: "berlin-desk", name: "Berlin desk", timeZone: "Europe/Berlin", windows: [...weekdays("08:00", "12:00"), ...weekdays("13:00", "17:00")], holidays: [] });
    await createCalendar(admin, { slug: "austin-l2", name: "Austin L2", timeZone: "America/Chicago", windows: weekdays("09:00", "17:00"), holidays: [{ from: "2025-07-04", name: "Independence Day" }, { from: "2025-12-24", to: "2025-12-26", name: "Christmas" }] });
    const calendarId = async (slug: string) => (await db.supportCalendar.findUniqueOrThrow({ where: { slug } })).id;
    await db.organization.update({ where: { slug: "acme" }, data: { calendarId: await calendarId("acme-contract") } });
    await db.supportGroup.update({ where: { slug: "service-desk" }, data: { calendarId: await calendarId("berlin-desk") } });
    await db.supportGroup.update({ where: { slug: "platform-support" }, data: { calendarId: await calendarId("austin-l2") } });
    // The L4 vendor's contract: respond within 1–4 h and resolve within 4–24 h by priority, around the clock.
    const vendor = await db.supportGroup.findUniqueOrThrow({ where: { slug: "cloud-vendor" } });
    const always = await calendarId("24x7");
    await db.vendorTarget.deleteMany({ where: { groupId: vendor.id } });
    await db.vendorTarget.createMany({
      data: (["P1", "P2", "P3", "P4", "P5"] as const).map((priority, k) => ({
        groupId: vendor.id, priority, responseMinutes: 60 + k * 45, resolutionMinutes: 240 + k * 300, calendarId: always, updatedAt: new Date(),
      })),
    });
    acme = await actorFor(db, "C1001");
    globex = await actorFor(db, "C1002");
    manager = await actorFor(db, "manager");

    const r = random(20_251_231);
    const actions: Action[] = [];
    const version = async (n: string) => (await getTicket(manager, n)).version;
    const state = async (n: string) => getTicket(manager, n);
    const atVendor = (t: { tier: string; status: string }) => t.tier === "L4" && t.status !== "RESOLVED" && t.status !== "CLOSED";
    for (let i = 0; i < TICKETS; i++) {
      const created = new Date(YEAR_START + Math.floor((i * 360 * 86_400_000) / TICKETS) + r(0, 23 * 60) * 60_000);
      const after = (minutes: number) => new Date(created.getTime() + minutes * 60_000);
      const customer = i % 2 ? globex : acme;
      actions.push({
        at: created,
        ticket: i,
        run: async () => {
          const t = await createTicket(
            customer,
            { type: "INCIDENT", title: `Year ticket ${i}`, description: "Replayed.", category: CATEGORIES[i % 3]!, impact: IMPACTS[r(0, 2)]!, urgency: URGENCIES[r(0, 2)]! },
            created,
          );
          numbers[i] = t.number;
        },
      });
      const push = (minutes: number, run: (n: string, at: Date) => Promise<unknown>) => actions.push({ at: after(minutes), ticket: i, run: (n) => run(n, after(minutes)) });
      const replyAt = r(3, 90);
      switch (i % 7) {
        case 0: // answered, resolved, and every other one reopened and resolved again
          push(replyAt, (n, at) => addComment(manager, n, { body: "Looking.", visibility: "PUBLIC" }, at));
          push(replyAt + r(30, 900), (n, at) => setStatusAt(n, "RESOLVED", at));
          if (i % 12 === 0) {
            push(replyAt + 1_000, async (n, at) => reopenTicket(customer, n, { version: await version(n), reason: "Still broken." }, at));
            push(replyAt + 1_000 + r(30, 600), (n, at) => setStatusAt(n, "RESOLVED", at));
          }
          break;
        case 1: // left alone: the sweep escalates it; answered and resolved late
          push(r(100, 400), (n, at) => addComment(manager, n, { body: "Sorry for the wait.", visibility: "PUBLIC" }, at));
          push(r(500, 3_000), (n, at) => setStatusAt(n, "RESOLVED", at));
          break;
        case 2: // waits on the customer, who answers
          push(replyAt, (n, at) => addComment(manager, n, { body: "Which browser?", visibility: "PUBLIC" }, at));
          push(replyAt + 5, (n, at) => setStatusAt(n, "PENDING_CUSTOMER", at));
          push(replyAt + r(60, 4_000), (n, at) => addComment(customer, n, { body: "Firefox.", visibility: "PUBLIC" }, at));
          push(replyAt + 4_100 + r(0, 900), (n, at) => setStatusAt(n, "RESOLVED", at));
          break;
        case 3: // escalated by hand while still at L1
          push(replyAt, (n, at) => addComment(manager, n, { body: "Checking.", visibility: "PUBLIC" }, at));
          push(replyAt + r(1, 120), async (n, at) => {
            if ((await state(n)).tier !== "L1") return;
            return escalateTicket(manager, n, { reason: "Needs L2.", summary: "Tried the usual steps.", sopOverride: "Urgent." }, at);
          });
          push(r(600, 2_000), (n, at) => setStatusAt(n, "RESOLVED", at));
          break;
        case 4: // reclassified, then answered and resolved
          push(r(2, 200), async (n, at) => updateTicket(manager, n, { version: await version(n), impact: IMPACTS[r(0, 2)], urgency: URGENCIES[r(0, 2)] }, at));
          push(210 + replyAt, (n, at) => addComment(manager, n, { body: "Fixing.", visibility: "PUBLIC" }, at));
          push(300 + r(0, 2_000), (n, at) => setStatusAt(n, "RESOLVED", at));
          break;
        case 5: // answered once, then left open to the end
          push(replyAt, (n, at) => addComment(manager, n, { body: "Noted.", visibility: "PUBLIC" }, at));
          break;
        case 6: { // up to the L4 vendor by hand; the vendor responds (or not), then it comes back or is resolved there
          push(replyAt, (n, at) => addComment(manager, n, { body: "Escalating.", visibility: "PUBLIC" }, at));
          const up = async (n: string, at: Date) => {
            const t = await state(n);
            if (t.status === "RESOLVED" || t.status === "CLOSED" || t.tier === "L4") return;
            const toL4 = t.tier === "L3" ? { toGroup: "cloud-vendor", externalReference: `V-${i}` } : {};
            return escalateTicket(manager, n, { reason: "Needs the next tier.", summary: "Checked.", sopOverride: "Urgent.", ...toL4 }, at);
          };
          push(replyAt + 5, up);
          push(replyAt + 10, up);
          push(replyAt + 15, up);
          const respondAfter = r(10, 400);
          if (i % 14 === 6) push(replyAt + 15 + respondAfter, async (n, at) => (atVendor(await state(n)) ? recordVendorResponse(manager, n, { note: "Vendor ticket V-1." }, at) : undefined));
          const stint = r(60, 2_000);
          if (i % 21 === 6) push(replyAt + 15 + stint, (n, at) => setStatusAt(n, "RESOLVED", at));
          else if (i % 21 === 13) push(replyAt + 15 + stint, async (n, at) => (atVendor(await state(n)) ? returnTicket(manager, n, { guidance: "Vendor fixed it; confirm with the customer." }, at) : undefined));
          break;
        }
      }
    }
    async function setStatusAt(n: string, status: TicketStatus, at: Date) {
      const t = await state(n);
      if (t.status === "RESOLVED" || t.status === "CLOSED") return;
      return updateTicket(manager, n, { version: t.version, status }, at);
    }

    actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ticket - b.ticket);
    for (const action of actions) {
      await sweepUntil(action.at);
      await action.run(numbers[action.ticket]!);
    }
    await sweepUntil(NOW);
  }, 600_000);

  it("finds, ticket by ticket, the outcomes the sweep and the services recorded", async () => {
    const db = database().db;
    const recorded = await db.$queryRaw<
      { number: string; priority: string; firstResponse: string; resolution: string; autoL1: number; autoL2: number; updatesLate: number; vendorResponse: number; vendorResolution: number; engagements: number }[]
    >(Prisma.sql`
      SELECT t."number", t."priority",
        CASE WHEN t."firstResponseMet" THEN 'met' WHEN t."firstResponseMet" = FALSE OR t."firstResponseDueAt" <= ${NOW}::timestamp(3) THEN 'breached' ELSE 'pending' END AS "firstResponse",
        CASE WHEN t."resolutionMet" THEN 'met' WHEN t."resolutionMet" = FALSE OR t."slaAlertLevel" >= 100 OR t."resolutionDueAt" <= ${NOW}::timestamp(3) THEN 'breached' ELSE 'pending' END AS "resolution",
        (SELECT count(*)::int FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" = 'AUTO_ESCALATED' AND e."fromTier" = 'L1') AS "autoL1",
        (SELECT count(*)::int FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" = 'AUTO_ESCALATED' AND e."fromTier" = 'L2') AS "autoL2",
        (SELECT count(*)::int FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" = 'ALERT' AND e."rule" = 'sla.customer-update') AS "updatesLate",
        (SELECT count(*)::int FROM "VendorEngagement" v WHERE v."ticketId" = t."id"
           AND (v."respondedAt" > v."responseDueAt" OR (v."respondedAt" IS NULL AND v."responseDueAt" <= COALESCE(v."endedAt", ${NOW}::timestamp(3))))) AS "vendorResponse",
        (SELECT count(*)::int FROM "VendorEngagement" v WHERE v."ticketId" = t."id"
           AND (v."endedAt" > v."resolutionDueAt" OR (v."endedAt" IS NULL AND v."resolutionDueAt" <= ${NOW}::timestamp(3)))) AS "vendorResolution",
        (SELECT count(*)::int FROM "VendorEngagement" v WHERE v."ticketId" = t."id") AS "engagements"
      FROM "Ticket" t WHERE t."number" = ANY(${numbers}::text[]) ORDER BY t."number"`);
    expect(recorded).toHaveLength(TICKETS);
    const engagements = recorded.reduce((n, r) => n + r.engagements, 0);

    const current = await loadCurrentMatrix(db);
    const setting = settingCalendars(await loadReplaySetting(db));
    const rules = replayRules(current.matrix, current.targets, setting.calendars, setting.vendorTargets);
    const histories = await loadReplayHistories(db, new Date(YEAR_START), NOW, null);
    const replayed = histories
      .map((h) => {
        const o = replayTicket(h, rules, NOW);
        const stints = h.steps.filter((s) => s.kind === "move" && s.tier === "L4").length;
        return { number: h.number, priority: o.priority, firstResponse: o.firstResponse, resolution: o.resolution, autoL1: o.automatic.L1L2, autoL2: o.automatic.L2L3, updatesLate: o.updatesLate, vendorResponse: o.vendor.response, vendorResolution: o.vendor.resolution, engagements: stints };
      })
      .sort((a, b) => a.number.localeCompare(b.number));
    expect(replayed).toEqual(recorded);

    // The year is not trivial: every kind of outcome occurs.
    const count = (pick: (r: (typeof recorded)[number]) => boolean) => recorded.filter(pick).length;
    expect(count((r) => r.autoL1 > 0)).toBeGreaterThan(3);
    expect(count((r) => r.autoL2 > 0)).toBeGreaterThan(0);
    expect(count((r) => r.firstResponse === "breached")).toBeGreaterThan(0);
    expect(count((r) => r.firstResponse === "met")).toBeGreaterThan(0);
    expect(count((r) => r.resolution === "breached")).toBeGreaterThan(0);
    expect(count((r) => r.resolution === "met")).toBeGreaterThan(0);
    expect(count((r) => r.updatesLate > 0)).toBeGreaterThan(0);
    expect(engagements).toBeGreaterThan(5);
    expect(count((r) => r.vendorResponse > 0)).toBeGreaterThan(0);
    expect(count((r) => r.engagements > 0 && r.vendorResponse === 0)).toBeGreaterThan(0);
    expect(count((r) => r.vendorResolution > 0)).toBeGreaterThan(0);
  });

  it("and the what-if of the current rules against themselves shows no change, with the recorded totals", async () => {
    const matrix = await getPriorityMatrix(manager);
    const result = await runWhatIf(manager, { from: "2025-01-01", to: "2025-12-31", draft: { cells: matrix.cells, targets: matrix.targets } }, { now: NOW });
    expect(result.current.tickets).toBe(TICKETS);
    expect(result.draft).toEqual(result.current);
    expect(result.changed).toBe(0);
    const [autos] = await database().db.$queryRaw<{ l1: number; l2: number }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE e."fromTier" = 'L1')::int AS l1, count(*) FILTER (WHERE e."fromTier" = 'L2')::int AS l2
      FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId"
      WHERE e."type" = 'AUTO_ESCALATED' AND t."number" = ANY(${numbers}::text[])`);
    expect(result.current.automaticEscalations).toEqual({ L1L2: autos!.l1, L2L3: autos!.l2 });
  });

  it("replays a draft calendar: the Berlin desk open only 10:00–12:00 changes when L1 budgets run out, and nothing else", async () => {
    const matrix = await getPriorityMatrix(manager);
    const shortDesk = { slug: "berlin-desk", name: "Berlin desk, mornings", timeZone: "Europe/Berlin", windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "10:00", closesAt: "12:00" })), holidays: [] };
    const input = { from: "2025-01-01", to: "2025-12-31", draft: { cells: matrix.cells, targets: matrix.targets } };
    const result = await runWhatIf(manager, { ...input, calendars: [shortDesk] }, { now: NOW });
    expect(result.draft.priorityMix).toEqual(result.current.priorityMix);
    expect(result.reclassified).toBe(0);
    expect(result.changed).toBeGreaterThan(0);
    expect(result.draft.automaticEscalations.L1L2).not.toBe(result.current.automaticEscalations.L1L2);

    const bad = await runWhatIf(manager, { ...input, calendars: [{ ...shortDesk, slug: "no-such-desk" }] }, { now: NOW }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "VALIDATION", fields: { "calendars.0.slug": [expect.stringContaining("not a calendar in use")] } });
  });
});
