// Both instances run the SLA sweep every second for three minutes over tickets whose tier budget or resolution
// target runs out at staggered moments inside that window. Every breach that fell due must be handled exactly
// once (one escalation or one alert, one notification per person told, one mail per notification), none
// before it fell due, and nothing whose moment lies after the window.
//
// Why the due instants are written into the database: the shortest target the default matrix has is a
// 15-minute L1 budget, and a matrix counts whole minutes, so real clocks cannot stagger a dozen breaches inside
// three minutes. The sweep decides from these columns alone (tierBudgetEndsAt for an escalation,
// resolutionWarnAt/resolutionDueAt for the 75 % and 100 % alerts: lib/routing/sweep.ts), so moving them is
// the same as a clock running out at that moment; everything after that is the app's own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX } from "../e2e/helpers";
import { median, openTicket, signIn } from "./api";
import { LOG_DIR, type Cluster } from "./cluster";
import { expect, test } from "./fixtures";
import { expectEachMailOnce, type OutboxRow } from "./mail-ledger";

const WINDOW_MS = 180_000;
const ESCALATIONS = 12;
const BREACHES = 8;

interface EventRow {
  number: string;
  id: number;
  type: string;
  rule: string | null;
  at: number;
}

interface NotificationRow {
  number: string;
  id: number;
  cause: string;
  eventId: number | null;
  recipientId: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function eventsOf(cluster: Cluster, numbers: string[]): Promise<EventRow[]> {
  const { rows } = await cluster.sql.query<EventRow>(
    `SELECT t."number", e."id", e."type", e."rule", (extract(epoch FROM e."createdAt") * 1000)::float8 AS "at"
     FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId"
     WHERE t."number" = ANY($1) AND e."type" IN ('AUTO_ESCALATED', 'ALERT') ORDER BY e."id"`,
    [numbers],
  );
  return rows;
}

/** Sets due instants (ms) per ticket number; timestamp columns hold UTC. */
async function setDue(cluster: Cluster, column: string, due: Map<string, number>): Promise<void> {
  await cluster.sql.query(
    `UPDATE "Ticket" t SET "${column}" = v.at FROM (SELECT unnest($1::text[]) AS number, unnest($2::timestamptz[]) AT TIME ZONE 'UTC' AS at) v WHERE t."number" = v.number`,
    [[...due.keys()], [...due.values()].map(iso)],
  );
}

/** What each instance's sweep reported doing, from its log (lines such as `[sweep] {"escalated":2,…}`); null when none could be read. */
function sweepWorkIn(logFile: string): { escalated: number; alerted: number } | null {
  const lines = readFileSync(logFile, "utf8").split("\n").filter((line) => line.includes("sweep") && line.includes('"escalated"'));
  if (!lines.length) return null;
  const sum = (key: string) => lines.reduce((total, line) => total + Number(new RegExp(`"${key}":\\s*(\\d+)`).exec(line)?.[1] ?? 0), 0);
  return { escalated: sum("escalated"), alerted: sum("alerted") };
}

test("both instances sweep for three minutes: every breach that falls due is escalated or alerted once, told once, mailed once", async ({ cluster }) => {
  test.setTimeout(WINDOW_MS + 120_000);
  const { a, b } = cluster;
  const acme = await signIn(a, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const globex = await signIn(b, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
  const open = (title: string, i: number) => openTicket(i % 2 ? globex : acme, i % 2 ? b : a, title).then((t) => t.number);
  const escalating = await Promise.all(Array.from({ length: ESCALATIONS }, (_, i) => open(`Budget runs out ${i}`, i)));
  const breaching = await Promise.all(Array.from({ length: BREACHES }, (_, i) => open(`Resolution target runs out ${i}`, i)));
  const later = await Promise.all([0, 1].map((i) => open(`Falls due after the window ${i}`, i)));

  const start = Date.now();
  const end = start + WINDOW_MS;
  const budgetEnds = new Map(escalating.map((n, i) => [n, start + 15_000 + i * 13_000]));
  const warnAt = new Map(breaching.map((n, i) => [n, start + 20_000 + i * 18_000]));
  const dueAt = new Map(breaching.map((n) => [n, warnAt.get(n)! + 10_000]));
  const afterWindow = new Map(later.map((n) => [n, end + 15 * 60_000]));
  await setDue(cluster, "tierBudgetEndsAt", budgetEnds);
  await setDue(cluster, "tierBudgetWarnAt", budgetEnds);
  await setDue(cluster, "resolutionWarnAt", warnAt);
  await setDue(cluster, "resolutionDueAt", dueAt);
  for (const column of ["tierBudgetEndsAt", "tierBudgetWarnAt", "resolutionWarnAt", "resolutionDueAt"]) await setDue(cluster, column, afterWindow);

  // Through the window: nothing may be handled before its moment.
  const dueOf = (event: EventRow) =>
    event.type === "AUTO_ESCALATED" ? budgetEnds.get(event.number) : event.rule === "sla.resolution-75" ? warnAt.get(event.number) : dueAt.get(event.number);
  const all = [...escalating, ...breaching, ...later];
  while (Date.now() < end) {
    const early = (await eventsOf(cluster, all)).filter((e) => !(dueOf(e)! <= e.at));
    expect(early, "handled before it fell due (or never due)").toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, end - Date.now())));
  }
  const sweepSeconds = (Date.now() - start) / 1000;

  const events = await eventsOf(cluster, all);
  const notifications = (
    await cluster.sql.query<NotificationRow>(
      `SELECT t."number", n."id", n."cause", n."eventId", n."recipientId" FROM "Notification" n JOIN "Ticket" t ON t."id" = n."ticketId" WHERE t."number" = ANY($1)`,
      [all],
    )
  ).rows;
  const of = (number: string, type: string, rule?: string) => events.filter((e) => e.number === number && e.type === type && (!rule || e.rule === rule));
  const lags: number[] = [];

  // Each spent budget: one automatic escalation to L2, and each person it tells, told once about that one.
  for (const number of escalating) {
    const escalations = of(number, "AUTO_ESCALATED");
    expect(escalations, `escalations of ${number}`).toHaveLength(1);
    lags.push(escalations[0]!.at - budgetEnds.get(number)!);
    const told = notifications.filter((n) => n.number === number && n.cause === "AUTO_ESCALATED");
    expect(told.length, `people told of ${number}'s escalation`).toBeGreaterThan(0);
    expect(new Set(told.map((n) => n.recipientId)).size, `each told once of ${number}'s escalation`).toBe(told.length);
    expect(told.every((n) => n.eventId === escalations[0]!.id)).toBe(true);
  }
  const tiers = await cluster.sql.query<{ number: string; tier: string }>(`SELECT "number", "tier" FROM "Ticket" WHERE "number" = ANY($1)`, [all]);
  const tierOf = new Map(tiers.rows.map((r) => [r.number, r.tier]));
  expect(escalating.map((n) => tierOf.get(n))).toEqual(escalating.map(() => "L2"));

  // Each breached resolution target: one breach alert (the 75 % one at most once too), one alert to acknowledge,
  // each manager told once and mailed once.
  const managerRows = (await cluster.sql.query<{ id: string; email: string | null }>(`SELECT "id", "email" FROM "User" WHERE "role" = 'MANAGER' AND "active"`)).rows;
  const managers = managerRows.map((r) => r.id).sort();
  const alerts = (
    await cluster.sql.query<{ number: string; rule: string }>(`SELECT t."number", a."rule" FROM "Alert" a JOIN "Ticket" t ON t."id" = a."ticketId" WHERE t."number" = ANY($1)`, [all])
  ).rows;
  let warnings = 0;
  for (const number of breaching) {
    const breaches = of(number, "ALERT", "sla.resolution-100");
    expect(breaches, `breach alerts of ${number}`).toHaveLength(1);
    lags.push(breaches[0]!.at - dueAt.get(number)!);
    const warned = of(number, "ALERT", "sla.resolution-75").length;
    expect(warned, `75 % alerts of ${number}`).toBeLessThanOrEqual(1);
    warnings += warned;
    expect(alerts.filter((r) => r.number === number && r.rule === "sla.resolution-100"), `alerts to acknowledge for ${number}`).toHaveLength(1);
    const told = notifications.filter((n) => n.number === number && n.cause === "SLA_BREACHED");
    expect(told.map((n) => n.recipientId).sort(), `managers told of ${number}'s breach`).toEqual(managers);
    expect(told.every((n) => n.eventId === breaches[0]!.id)).toBe(true);
  }
  expect(events.filter((e) => e.type === "ALERT" && !breaching.includes(e.number)), "alerts on tickets whose target did not run out").toEqual([]);

  // Nothing that falls due after the window was touched.
  for (const number of later) {
    expect(events.filter((e) => e.number === number)).toEqual([]);
    expect(tierOf.get(number)).toBe("L1");
  }

  // The breach mails (to managers with an address) leave the outbox once each.
  const breachMail = async () =>
    (
      await cluster.sql.query<OutboxRow>(
        `SELECT o."id", o."toAddress", o."status" FROM "OutboxMessage" o JOIN "Notification" n ON o."dedupeKey" = 'notification:' || n."id"
         JOIN "Ticket" t ON t."id" = n."ticketId" WHERE t."number" = ANY($1) AND n."cause" = 'SLA_BREACHED' ORDER BY o."id"`,
        [breaching],
      )
    ).rows;
  await expect.poll(async () => (await breachMail()).filter((r) => r.status !== "SENT").length, { timeout: 30_000 }).toBe(0);
  const mailed = await breachMail();
  expect(mailed).toHaveLength(BREACHES * managerRows.filter((r) => r.email).length);
  const split = await expectEachMailOnce(cluster, mailed);

  const work = { A: sweepWorkIn(a.logFile), B: sweepWorkIn(b.logFile) };
  const workText = (w: { escalated: number; alerted: number } | null) => (w ? `${w.escalated} escalated, ${w.alerted} alerted` : "not in its log");
  console.log(
    `sweep: ${sweepSeconds.toFixed(0)} s on both instances; ${ESCALATIONS} budgets ran out → ${ESCALATIONS} escalations; ` +
      `${BREACHES} resolution targets ran out → ${BREACHES} breach alerts (and ${warnings} of ${BREACHES} 75 % alerts), ` +
      `${notifications.length} notifications, ${mailed.length} breach mails received once each (sent by A ${split.A ?? 0}, B ${split.B ?? 0}); ` +
      `handled after falling due: median ${(median(lags) / 1000).toFixed(1)} s, max ${(Math.max(...lags) / 1000).toFixed(1)} s; ` +
      `sweep work: A ${workText(work.A)}, B ${workText(work.B)} (logs in ${path.relative(process.cwd(), LOG_DIR)})`,
  );
});
