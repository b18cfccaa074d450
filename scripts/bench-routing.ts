// npm run bench:routing: the routing service against raw SQL on the same PostgreSQL database (issue 3, §4).
//
// A measurement, not a test: it creates a throw-away database, migrates and seeds it, measures each
// service operation beside a raw-SQL reference in the same run (medians over several paired rounds, so
// a noisy shared machine moves both sides alike), prints the figures, the ratios and PASS/MISS against
// the targets, drops the database and exits 0. Only a run that could not complete exits non-zero.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   DATABASE_POOL_SIZE   the app's pool; set here to 55 unless given (50 claiming agents need 50)
//   BENCH_ONLY           intake,sweep,claims: the parts to run (all by default; intake and claims live in bench-routing/)
//   BENCH_PROFILE=1      also times each SQL statement and prints the costliest per part
//   BENCH_KEEP=1         keeps the database afterwards (its URL is printed) to look into with psql
//   BENCH_OPEN_TICKETS   open tickets bulk-loaded (default 100,000); 1,000 of them are always spent
//   BENCH_BREACHES=0     the 1,000 spent tickets keep their resolution target (by default it is breached too:
//                        the sweep then also raises 1,000 alerts, which notify and mail the managers)
//
// Staff notifications (issue 14): when the database has them (migration notifications), every service
// writes them through the notify_ticket_events trigger, and the floors write the same rows by hand (the
// trigger off while a floor runs), so "app against floor" compares like with like. The same script runs on
// a commit before that migration (no Notification table): then the floors write no notifications.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "../lib/actor";
// Aliased: the React hooks lint rule reads any use* call as a hook.
import { createDatabase, db, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { runSweep } from "../lib/routing/sweep";
import { seedDemoData } from "../lib/seed/demo-data";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { runClaimsPart } from "./bench-routing/claims";
import { runIntakePart } from "./bench-routing/intake";
import { rawMailSql, type BenchKit, type BenchRow } from "./bench-routing/kit";
import { fmt } from "./bench-figures";

// ---- sizes -------------------------------------------------------------------------------------------

const CUSTOMERS = 200;
const L1_AGENTS = 50;
const OPEN_TICKETS = Number(process.env.BENCH_OPEN_TICKETS ?? 100_000);
const SPENT = 1_000;
const BREACHES = process.env.BENCH_BREACHES !== "0";
/** Every n-th bulk ticket has a spent L1 budget (and, from the sweep's reset, a breached resolution target): 1,000 in all. */
const SPENT_EVERY = OPEN_TICKETS / SPENT;
if (!Number.isInteger(SPENT_EVERY)) throw new Error(`BENCH_OPEN_TICKETS must be a multiple of ${SPENT}.`);

const SWEEP_REPS = 7;
const IDLE_SWEEP_REPS = 9;

const TARGETS = { intakeRatio: 0.45, intakeLargeRatio: 0.4, eventBytesPerTicket: 1_500, sweepRatio: 1.5, idleSweepMs: 20, claimRatio: 0.6 };

// ---- the database ------------------------------------------------------------------------------------

process.env.DATABASE_POOL_SIZE ??= "55";

const database = throwAwayDatabase("t_bench");
const { adminUrl, name: dbName, url: benchUrl, admin } = database;

let opened: OpenedDatabase | undefined;
const rawPools = new Set<pg.Pool>();
let created = false;

/** Closes every pool and drops the database (or keeps it, BENCH_KEEP=1). */
async function cleanup(): Promise<string> {
  for (const pool of rawPools) await pool.end().catch(() => {});
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (created && process.env.BENCH_KEEP === "1") return `kept ${benchUrl}`;
  if (created) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  return `dropped ${dbName}`;
}

function rawPool(max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: benchUrl, max });
  // An idle client whose backend goes away (DROP … WITH (FORCE) racing a pool that just ended) is no failure.
  pool.on("error", () => {});
  rawPools.add(pool);
  return pool;
}

async function endPool(pool: pg.Pool): Promise<void> {
  rawPools.delete(pool);
  await pool.end();
}

/** Opens `n` connections of a raw pool before timing starts. */
async function warmRaw(pool: pg.Pool, n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => pool.query("SELECT pg_sleep(0.02)")));
}

/** Opens `n` connections of the app's pool before timing starts. */
async function warmApp(n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => db().$queryRaw`SELECT pg_sleep(0.02) IS NULL AS slept`));
}

// SQL statements sent to PostgreSQL (every pg client, app and raw alike): read around app-only phases to
// get statements per service call, BEGIN and COMMIT included. BENCH_PROFILE=1 also times each statement
// (send to reply) by the start of its text, printed per phase.
let statements = 0;
const PROFILE = process.env.BENCH_PROFILE === "1";
const profile = new Map<string, { count: number; ms: number }>();
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    if (!PROFILE) return original.apply(this, args);
    const first = args[0] as string | { text?: string; callback?: unknown };
    const key = (typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").trim().slice(0, 90);
    const start = performance.now();
    const done = () => {
      const entry = profile.get(key) ?? { count: 0, ms: 0 };
      entry.count++;
      entry.ms += performance.now() - start;
      profile.set(key, entry);
    };
    // pg.Pool passes a callback (last argument); a client used directly returns a promise.
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (last as (...r: unknown[]) => unknown)(...results);
      };
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.then(done, () => {});
    return result;
  };
}

function printProfile(phase: string): void {
  if (!PROFILE) return;
  const rows = [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
  log(`  profile (${phase}): total ms, calls, mean ms, statement`);
  for (const [key, { count, ms }] of rows) log(`    ${fmt(ms, 0).padStart(7)} ${String(count).padStart(6)} ${fmt(ms / count, 2).padStart(7)}  ${key}`);
  profile.clear();
}

/** BENCH_ONLY=intake,sweep,claims runs only those parts (all by default). */
const ONLY = new Set((process.env.BENCH_ONLY ?? "intake,sweep,claims").split(",").map((s) => s.trim()));

// ---- helpers -----------------------------------------------------------------------------------------

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** This process's CPU time per operation, by side: what Node spends, while PostgreSQL has the rest of the cores. */
const nodeCpu = new Map<string, { micros: number; ops: number }>();
const nodeCpuPerOp = (side: string) => {
  const c = nodeCpu.get(side);
  return c ? c.micros / c.ops : 0;
};

/**
 * Runs `count` calls of `fn` from `concurrency` callers sharing one cursor; returns elapsed milliseconds.
 * With `side`, the process CPU time the calls took is added to that side's account (`nodeCpuPerOp`).
 */
async function drive(concurrency: number, count: number, fn: (i: number) => Promise<void>, side?: string): Promise<number> {
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await fn(i);
    }),
  );
  const ms = performance.now() - start;
  if (side) {
    const used = process.cpuUsage(cpu);
    const account = nodeCpu.get(side) ?? { micros: 0, ops: 0 };
    account.micros += used.user + used.system;
    account.ops += count;
    nodeCpu.set(side, account);
  }
  return ms;
}

const iso = (date: Date) => date.toISOString();
const minutesFrom = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const log = (line: string) => console.log(line);

/** Does this database tell staff (migration notifications)? The script runs on commits before it too. */
async function hasNotifications(sql: pg.Pool): Promise<boolean> {
  return (await sql.query<{ on: boolean }>(`SELECT to_regclass('"Notification"') IS NOT NULL AS "on"`)).rows[0]!.on;
}

function printTable(rows: BenchRow[]): void {
  const head: BenchRow = { measurement: "measurement", app: "app (service)", raw: "raw SQL", ratio: "ratio", target: "target", verdict: "PASS" };
  const keys = ["measurement", "app", "raw", "ratio", "target", "verdict"] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(k === "verdict" ? "result".length : 0, ...[head, ...rows].map((r) => r[k].length))])) as Record<
    (typeof keys)[number],
    number
  >;
  const line = (r: BenchRow, verdict: string) =>
    `| ${r.measurement.padEnd(width.measurement)} | ${r.app.padStart(width.app)} | ${r.raw.padStart(width.raw)} | ${r.ratio.padStart(width.ratio)} | ${r.target.padEnd(width.target)} | ${verdict.padEnd(width.verdict)} |`;
  log(line(head, "result"));
  log(`|${keys.map((k) => "-".repeat(width[k] + 2)).join("|")}|`);
  for (const r of rows) log(line(r, r.verdict));
}

// ---- fixtures ----------------------------------------------------------------------------------------

interface Fixtures {
  serviceDesk: string;
  platformSupport: string;
  engineeringSupport: string;
  l2agent: string;
  l3agent: string;
  matrixVersionId: string;
  categories: { id: string; slug: string }[];
  customers: Actor[];
  agents: Actor[];
  secretHash: string;
}

async function loadFixtures(sql: pg.Pool): Promise<Fixtures> {
  const group = async (slug: string) => (await sql.query<{ id: string }>(`SELECT id FROM "SupportGroup" WHERE slug = $1`, [slug])).rows[0]!.id;
  const user = async (userId: string) => (await sql.query<{ id: string; secretHash: string }>(`SELECT id, "secretHash" FROM "User" WHERE "userId" = $1`, [userId])).rows[0]!;
  const matrix = (await sql.query<{ id: string }>(`SELECT id FROM "PriorityMatrixVersion" ORDER BY version DESC LIMIT 1`)).rows[0]!;
  const categories = (await sql.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Category" ORDER BY slug`)).rows;
  return {
    serviceDesk: await group("service-desk"),
    platformSupport: await group("platform-support"),
    engineeringSupport: await group("engineering-support"),
    l2agent: (await user("l2agent")).id,
    l3agent: (await user("l3agent")).id,
    matrixVersionId: matrix.id,
    categories,
    customers: [],
    agents: [],
    // Any valid hash does: these users never sign in, and hashing thousands of secrets would dominate setup.
    secretHash: (await user("C1001")).secretHash,
  };
}

async function insertUsers(sql: pg.Pool, f: Fixtures): Promise<void> {
  const now = iso(new Date());
  const customers = await sql.query<{ id: string; userId: string; name: string; organizationId: string }>(
    // With an email address, as customers have: claims and escalations that change a status queue their mail.
    `INSERT INTO "User" (id, "userId", name, email, role, "organizationId", "secretHash", "updatedAt")
     SELECT gen_random_uuid()::text, 'B' || lpad(g::text, 5, '0'), 'Bench Customer ' || g, 'b' || g || '@bench.example', 'CUSTOMER',
            (SELECT id FROM "Organization" ORDER BY slug OFFSET (g % 2) LIMIT 1), $1, $2::timestamp(3)
     FROM generate_series(1, $3::int) AS g
     RETURNING id, "userId", name, "organizationId"`,
    [f.secretHash, now, CUSTOMERS],
  );
  f.customers = customers.rows.map((u) => ({ id: u.id, userId: u.userId, name: u.name, role: "CUSTOMER", tier: null, organizationId: u.organizationId }));
  const agents = await sql.query<{ id: string; userId: string; name: string }>(
    `INSERT INTO "User" (id, "userId", name, role, tier, "secretHash", "updatedAt")
     SELECT gen_random_uuid()::text, 'bench-l1-' || lpad(g::text, 2, '0'), 'Bench Agent ' || g, 'AGENT', 'L1', $1, $2::timestamp(3)
     FROM generate_series(1, $3::int) AS g
     RETURNING id, "userId", name`,
    [f.secretHash, now, L1_AGENTS],
  );
  f.agents = agents.rows.map((u) => ({ id: u.id, userId: u.userId, name: u.name, role: "AGENT", tier: "L1", organizationId: null }));
  await sql.query(`INSERT INTO "GroupMembership" ("groupId", "userId") SELECT $1, unnest($2::text[])`, [f.serviceDesk, f.agents.map((a) => a.id)]);
}

/**
 * 100,000 open tickets in one statement: L1 70 % (service-desk), L2 20 %, L3 10 %; most wait unassigned
 * in their queue, some are assigned or waiting on the customer (clocks stopped). Every due time lies in
 * the future except the spent L1 budgets of every 100th ticket.
 */
async function bulkLoad(sql: pg.Pool, f: Fixtures, now: Date): Promise<void> {
  await sql.query(
    `WITH s AS (
       SELECT g,
         (g % ${SPENT_EVERY} = 0) AS spent,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + g % 3]::"Impact" AS impact,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + (g / 3) % 3]::"Urgency" AS urgency,
         CASE WHEN g % 10 < 7 THEN 'L1' WHEN g % 10 < 9 THEN 'L2' ELSE 'L3' END::"Tier" AS tier,
         CASE WHEN g % ${SPENT_EVERY} = 0 THEN 'NEW' WHEN g % 50 IN (1, 3) THEN 'ASSIGNED' WHEN g % 50 = 7 THEN 'IN_PROGRESS'
              WHEN g % 50 = 9 THEN 'PENDING_CUSTOMER' ELSE 'NEW' END::"TicketStatus" AS status,
         $1::timestamp(3) AS now
       FROM generate_series(1, $2::int) AS g
     ), refs AS (
       SELECT (SELECT array_agg(id ORDER BY "userId") FROM "User" WHERE role = 'CUSTOMER') AS customers,
              (SELECT array_agg("organizationId" ORDER BY "userId") FROM "User" WHERE role = 'CUSTOMER') AS orgs,
              (SELECT array_agg(id ORDER BY slug) FROM "Category") AS categories,
              $3::text[] AS agents
     )
     INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
       "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "version", "tierEnteredAt",
       "firstResponseDueAt", "resolutionDueAt", "resolutionWarnAt", "nextUpdateDueAt", "tierBudgetEndsAt",
       "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
       "createdAt", "updatedAt")
     SELECT
       CASE WHEN g % 4 = 0 THEN 'REQ-' ELSE 'INC-' END || (1000000 + g),
       CASE WHEN g % 4 = 0 THEN 'SERVICE_REQUEST' ELSE 'INCIDENT' END::"TicketType",
       'Bench ticket ' || g || ': ' || (ARRAY['VPN drops every hour', 'Cannot open invoice PDF', 'Report export times out', 'Password reset mail missing'])[1 + g % 4],
       'Steps to reproduce, what was expected and what happened instead, as a customer would describe it (bench ticket ' || g || ').',
       s.status, s.tier, mc.priority, s.impact, s.urgency,
       refs.categories[1 + g % array_length(refs.categories, 1)],
       refs.customers[1 + g % array_length(refs.customers, 1)],
       refs.orgs[1 + g % array_length(refs.orgs, 1)],
       CASE s.tier WHEN 'L1' THEN $4 WHEN 'L2' THEN $5 ELSE $6 END,
       CASE WHEN s.status = 'NEW' THEN NULL
            WHEN s.tier = 'L1' THEN refs.agents[1 + (g / 50) % array_length(refs.agents, 1)]
            WHEN s.tier = 'L2' THEN $7 ELSE $8 END,
       $9, 1,
       s.now - interval '3 hours',
       -- due times: stopped (null) while waiting on the customer; otherwise 1–3 days ahead, spread over a day
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '3 days' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '2 days' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.spent THEN s.now - interval '1 minute' - (g % 60) * interval '1 second'
            WHEN s.status = 'PENDING_CUSTOMER' THEN NULL
            ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN 3600 ELSE 0 END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now - interval '3 hours' END,
       CASE WHEN s.tier = 'L1' THEN 0 ELSE 1800 END,
       CASE WHEN s.tier = 'L3' THEN 3600 ELSE 0 END,
       0,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now - interval '3 hours' END,
       s.now - interval '3 hours', s.now - interval '3 hours'
     FROM s CROSS JOIN refs
     JOIN "MatrixCell" mc ON mc."versionId" = $9 AND mc.impact = s.impact AND mc.urgency = s.urgency`,
    [iso(now), OPEN_TICKETS, f.agents.map((a) => a.id), f.serviceDesk, f.platformSupport, f.engineeringSupport, f.l2agent, f.l3agent, f.matrixVersionId],
  );
  await sql.query(`VACUUM ANALYZE`);
}

// ---- 2. sweep ----------------------------------------------------------------------------------------

interface SweepBench {
  app: number[];
  raw: number[];
  ratios: number[];
  /** The floor: one raw statement writing every row the sweep writes (ms). */
  floorMs: number[];
  /** runSweep against its floor. */
  floorRatios: number[];
  idle: number[];
  statementsPerSweep: number;
  statementsPerIdleSweep: number;
  escalated: number[];
  alerted: number[];
  idleResults: string[];
  notificationsOn: boolean;
  /** Rows each side wrote in a run, by table ("events 3,000, …"): the floor must write what the sweep writes. */
  writtenBySweep: Set<string>;
  writtenByFloor: Set<string>;
}

async function benchSweep(f: Fixtures, sql: pg.Pool): Promise<SweepBench> {
  const ids = (await sql.query<{ id: number }>(`SELECT id FROM "Ticket" WHERE "tierBudgetEndsAt" <= $1::timestamp(3) ORDER BY id`, [iso(new Date())])).rows.map((r) => r.id);
  if (ids.length !== OPEN_TICKETS / SPENT_EVERY) throw new Error(`Expected ${OPEN_TICKETS / SPENT_EVERY} spent budgets, found ${ids.length}.`);
  const inList = ids.join(", ");
  const notificationsOn = await hasNotifications(sql);
  const reset = async () => {
    const now = new Date();
    // With BREACHES, each of the 1,000 also breached its resolution target: the sweep raises 1,000 alerts for the managers.
    await sql.query(
      `UPDATE "Ticket" SET "tier" = 'L1', "status" = 'NEW', "groupId" = $1, "assigneeId" = NULL,
         ${BREACHES ? `"resolutionWarnAt" = $2::timestamp(3), "resolutionDueAt" = $3::timestamp(3), "slaAlertLevel" = 0,` : ""}
         "l1SecondsUsed" = 0, "l2SecondsUsed" = 0, "slaSecondsUsed" = 0, "slaClockSince" = $2::timestamp(3),
         "tierEnteredAt" = $2::timestamp(3), "tierClockSince" = $2::timestamp(3),
         "tierBudgetEndsAt" = $3::timestamp(3) - ("id" % 60) * interval '1 second', "version" = 1, "updatedAt" = $2::timestamp(3)
       WHERE "id" IN (${inList})`,
      [f.serviceDesk, iso(minutesFrom(now, -180)), iso(minutesFrom(now, -1))],
    );
    await sql.query(`UPDATE "User" SET "lastAssignedAt" = NULL WHERE id = $1`, [f.l2agent]);
    // Every run mails anew: the escalation's mail is keyed by ticket and version, and the version starts over.
    await sql.query(`DELETE FROM "OutboxMessage" WHERE "ticketId" IN (${inList})`);
    await sql.query(`VACUUM ANALYZE "Ticket"`);
  };
  const timeSweep = async (now: Date) => {
    const before = statements;
    const start = performance.now();
    const result = await runSweep(now);
    const ms = performance.now() - start;
    return { ms, result, statements: statements - before };
  };
  const update = `UPDATE "Ticket" SET "tier" = 'L2', "status" = 'ASSIGNED', "groupId" = $1, "assigneeId" = $2${BREACHES ? `, "slaAlertLevel" = 100` : ""},
       "l1SecondsUsed" = "l1SecondsUsed" + 10800, "tierClockSince" = $3::timestamp(3), "tierBudgetEndsAt" = $4::timestamp(3),
       "slaSecondsUsed" = "slaSecondsUsed" + 10800, "slaClockSince" = $3::timestamp(3),
       "tierEnteredAt" = $3::timestamp(3), "version" = "version" + 1, "updatedAt" = $3::timestamp(3)
     WHERE "id" IN (${inList})`;
  const params = () => {
    const now = new Date();
    return [f.platformSupport, f.l2agent, iso(now), iso(minutesFrom(now, 120))];
  };
  // The bare reference: the escalation's UPDATE alone.
  const timeRaw = async () => {
    const start = performance.now();
    const { rowCount } = await sql.query(update, params());
    const ms = performance.now() - start;
    if (rowCount !== ids.length) throw new Error(`The raw UPDATE wrote ${rowCount} rows, not ${ids.length}.`);
    return ms;
  };
  // The floor under a sweep that logs its decisions and tells people: the same UPDATE writing, in the same
  // statement, what the sweep writes per ticket: AUTO_ESCALATED, ASSIGNED and the breach's ALERT event, the
  // customer's status mail, and with notifications the alert, the new assignee's notification and each
  // manager's (whose mail the Notification trigger queues, as for the app), idempotent on the same unique key
  // as the trigger's (ON CONFLICT DO NOTHING). The triggers its writes fire run as for the app: the agent
  // load counters, the webhook and monitoring triggers, the Notification mail and live-update triggers, and
  // the live-update NOTIFY of each event at commit. The sweep's target is set against it (issue 18).
  const floorSql = `WITH moved AS (${update} RETURNING "id", "number", "title", "customerId"),
      mail AS (${rawMailSql("moved", "Assigned", "$3::timestamp(3)")}),
      ev AS (
        INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "fromGroup", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
        SELECT m."id", e.type::"TicketEventType", e.from_tier::"Tier", 'L2', e.from_group, e.to_group, e.to_assignee, e.rule, e.inputs::jsonb, e.reason, $3::timestamp(3)
        FROM moved m, (VALUES
          ('AUTO_ESCALATED', 'L1', 'service-desk', 'platform-support', 'l2agent', 'budget.l1', '{"budget":"L1","budgetMinutes":480,"minutesUsed":480,"budgetEndedAt":"2026-11-27T10:00:00.000Z","clock":"BUSINESS_HOURS"}',
           'Escalated to L2 Platform Support automatically: L1 budget of 8 h spent.'),
          ('ASSIGNED', 'L2', NULL, 'platform-support', 'l2agent', 'assign.least-loaded', '{"group":"platform-support","assignmentMode":"AUTO","candidates":[{"userId":"l2agent","load":0,"openTickets":0,"lastAssignedAt":null}]}',
           'Assigned to Priya Second in Platform Support: least loaded of l2agent (load 0).')${
            BREACHES
              ? `,
          ('ALERT', 'L2', NULL, NULL, NULL, 'sla.resolution-100', '{"percent":100,"priority":"P3","notify":"leads+managers"}',
           'The group''s leads and the managers are alerted: the P3 resolution target is breached.')`
              : ""
          }
        ) AS e(type, from_tier, from_group, to_group, to_assignee, rule, inputs, reason)
        RETURNING "id", "ticketId", "type", "rule", "reason", "createdAt"
      )${
        notificationsOn
          ? `, alert AS (
        INSERT INTO "Alert" ("id", "ticketId", "rule", "reason", "raisedAt") SELECT "id", "ticketId", "rule", "reason", "createdAt" FROM ev WHERE "type" = 'ALERT'
      )
      INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "alertId", "occurrence", "headline", "sentence", "createdAt")
      SELECT $2, 'AUTO_ESCALATED'::"NotificationCause", 'ASSIGNMENTS'::"NotificationKind", ev."ticketId", ev."id", NULL, 'event:' || ev."id", 'Escalated to you automatically', ev."reason", ev."createdAt"
      FROM ev WHERE ev."type" = 'AUTO_ESCALATED'
      UNION ALL
      SELECT u."id", 'SLA_BREACHED'::"NotificationCause", 'SLA_ALERTS'::"NotificationKind", ev."ticketId", ev."id", ev."id", 'event:' || ev."id", 'Resolution target breached', ev."reason", ev."createdAt"
      FROM ev JOIN "User" u ON u."role" = 'MANAGER' AND u."active" WHERE ev."type" = 'ALERT'
      ON CONFLICT ("recipientId", "cause", "ticketId", "occurrence") DO NOTHING`
          : `SELECT count(*) FROM ev`
      }`;
  // The notification trigger is off while the floor runs (it writes the notifications by hand; nothing else
  // runs meanwhile). Turned off and on outside the floor's own transaction: the live-update constraint
  // trigger (deferred to the commit) leaves pending events that forbid an ALTER TABLE after the INSERT. The
  // floor is one statement in its own transaction, timed to its commit, so the live NOTIFYs are counted.
  const timeFloor = async () => {
    if (notificationsOn) await sql.query(`ALTER TABLE "TicketEvent" DISABLE TRIGGER "TicketEvent_notify"`);
    try {
      const start = performance.now();
      await sql.query(floorSql, params());
      return performance.now() - start;
    } finally {
      if (notificationsOn) await sql.query(`ALTER TABLE "TicketEvent" ENABLE TRIGGER "TicketEvent_notify"`);
    }
  };

  // Rows in the tables the sweep and the floor write (the reset deletes the mails, so each side's count starts anew).
  const WRITTEN_TABLES = ["TicketEvent", ...(notificationsOn ? ["Notification", "Alert"] : []), "OutboxMessage"];
  const rowCounts = async () =>
    (await sql.query<Record<string, string>>(`SELECT ${WRITTEN_TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`)).rows[0]!;
  const written = async (side: () => Promise<void>) => {
    const before = await rowCounts();
    await side();
    const after = await rowCounts();
    return WRITTEN_TABLES.map((t) => `${t} ${fmt(Number(after[t]) - Number(before[t]))}`).join(", ");
  };

  const out: SweepBench = {
    app: [], raw: [], ratios: [], floorMs: [], floorRatios: [], idle: [], statementsPerSweep: 0, statementsPerIdleSweep: 0,
    escalated: [], alerted: [], idleResults: [], notificationsOn, writtenBySweep: new Set(), writtenByFloor: new Set(),
  };
  await warmApp(2);
  const sweepStatements: number[] = [];
  for (let rep = 0; rep < SWEEP_REPS; rep++) {
    let app = 0;
    let raw = 0;
    let floor = 0;
    const sweepOnce = async () => {
      await reset();
      const wrote = await written(async () => {
        const s = await timeSweep(new Date());
        out.escalated.push(s.result.escalated);
        out.alerted.push(s.result.alerted);
        sweepStatements.push(s.statements);
        if (s.result.escalated !== ids.length) log(`  ! sweep escalated ${s.result.escalated}, expected ${ids.length} (alerted ${s.result.alerted}, updatesDue ${s.result.updatesDue})`);
        app = s.ms;
      });
      out.writtenBySweep.add(wrote);
    };
    const rawOnce = async () => {
      await reset();
      raw = await timeRaw();
    };
    const floorOnce = async () => {
      await reset();
      out.writtenByFloor.add(await written(async () => void (floor = await timeFloor())));
    };
    // The sweep and its floor side by side, in alternating order; the bare UPDATE before or after them.
    for (const side of rep % 2 ? [rawOnce, floorOnce, sweepOnce] : [sweepOnce, floorOnce, rawOnce]) await side();
    out.app.push(app);
    out.raw.push(raw);
    out.ratios.push(app / raw);
    out.floorMs.push(floor);
    out.floorRatios.push(app / floor);
    log(
      `  sweep rep ${rep + 1}: runSweep ${fmt(app, 1)} ms (escalated ${out.escalated.at(-1)}, alerted ${out.alerted.at(-1)}), raw UPDATE ${fmt(raw, 1)} ms, ratio ${fmt(app / raw, 2)}; ` +
        `floor ${fmt(floor, 1)} ms, runSweep/floor ${fmt(app / floor, 2)}`,
    );
  }
  out.statementsPerSweep = median(sweepStatements);

  // Nothing spent: the rows left escalated by the last run have future budgets; a first sweep clears anything else.
  await runSweep(new Date());
  await sql.query(`VACUUM ANALYZE "Ticket"`);
  const idleStatements: number[] = [];
  for (let rep = 0; rep < IDLE_SWEEP_REPS; rep++) {
    const s = await timeSweep(new Date());
    out.idle.push(s.ms);
    idleStatements.push(s.statements);
    out.idleResults.push(`${s.result.escalated}/${s.result.alerted}/${s.result.updatesDue}`);
  }
  out.statementsPerIdleSweep = median(idleStatements);
  log(`  idle sweep: ${out.idle.map((ms) => fmt(ms, 1)).join(", ")} ms (escalated/alerted/updatesDue: ${[...new Set(out.idleResults)].join(", ")})`);
  return out;
}

/** What the intake and claims parts (scripts/bench-routing/) measure and print with. */
const kit: BenchKit = { log, fmt, median, drive, rawPool, endPool, warmRaw, warmApp, statements: () => statements, nodeCpuPerOp, hasNotifications, printProfile };

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const cpus = os.cpus();
  log("Tierdesk routing benchmark (issue 3, §4)");
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine: compare ratios, not absolute figures)`);

  await admin(`CREATE DATABASE "${dbName}"`);
  created = true;
  log(`database: ${new URL(adminUrl).host}/${dbName} (throw-away), app pool DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE}`);
  opened = createDatabase({ kind: "postgres", url: benchUrl });
  await applyMigrations(opened.connection.factory);
  installProcessDatabase(opened);
  await seedDemoData(opened.db);

  const sql = rawPool(2);
  const server = (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  log(`PostgreSQL ${server}`);
  const f = await loadFixtures(sql);
  await insertUsers(sql, f);
  // A manager with an address: the breach alerts are mailed to them (by default, with notifications).
  await sql.query(`UPDATE "User" SET "email" = 'mia@bench.example' WHERE "userId" = 'manager'`);
  log(`staff notifications: ${(await hasNotifications(sql)) ? "ON (the notify_ticket_events and mail_notifications triggers)" : "absent (a commit before migration notifications)"}`);
  let t = performance.now();
  await bulkLoad(sql, f, new Date());
  log(`setup: ${CUSTOMERS} customers, ${L1_AGENTS} L1 agents in service-desk, ${fmt(OPEN_TICKETS)} open tickets bulk-loaded and analyzed in ${fmt((performance.now() - t) / 1000, 1)} s`);

  const rows: BenchRow[] = [];
  const notes: string[] = [];

  if (ONLY.has("intake")) {
    log(`\n1. intake: 8 concurrent callers, createTicket against the bare INSERT in paired rounds, into service-desk on AUTO with 50 agents, then 500`);
    t = performance.now();
    profile.clear();
    const part = await runIntakePart(kit, f, sql, TARGETS);
    log(`  (${fmt((performance.now() - t) / 1000, 1)} s)`);
    rows.push(...part.rows);
    notes.push(...part.notes);
  }

  if (ONLY.has("sweep")) {
    log(`\n2. sweep: ${fmt(OPEN_TICKETS)} open tickets, ${fmt(SPENT)} with their L1 budget spent${BREACHES ? " and their resolution target breached" : ""}; ${SWEEP_REPS} reps, rows reset and VACUUM ANALYZE before each run`);
    t = performance.now();
    profile.clear();
    const sweep = await benchSweep(f, sql);
    printProfile("sweep");
    log(`  (${fmt((performance.now() - t) / 1000, 1)} s)`);
    // The target is against the floor (issue 18): the bare UPDATE writes none of what the sweep must write.
    const ratio = median(sweep.floorRatios);
    const idleMs = median(sweep.idle);
    rows.push(
      {
        measurement: `sweep against its floor, 1,000 of ${fmt(OPEN_TICKETS / 1000)}k spent${BREACHES ? "+breached" : ""}, ms`,
        app: fmt(median(sweep.app), 1),
        raw: fmt(median(sweep.floorMs), 1),
        ratio: `${fmt(ratio, 2)}×`,
        target: `≤ ${TARGETS.sweepRatio}×`,
        verdict: ratio <= TARGETS.sweepRatio ? "PASS" : "MISS",
      },
      {
        measurement: `sweep against the bare escalation UPDATE, ms`,
        app: fmt(median(sweep.app), 1),
        raw: fmt(median(sweep.raw), 1),
        ratio: `${fmt(median(sweep.ratios), 2)}×`,
        target: "—",
        verdict: "—",
      },
      {
        measurement: `sweep, nothing spent, ms`,
        app: fmt(idleMs, 1),
        raw: "—",
        ratio: "—",
        target: `< ${TARGETS.idleSweepMs} ms`,
        verdict: idleMs < TARGETS.idleSweepMs ? "PASS" : "MISS",
      },
    );
    notes.push(`SQL statements per runSweep: ${fmt(sweep.statementsPerSweep)} with 1,000 spent, ${fmt(sweep.statementsPerIdleSweep)} idle; raw reference: 1`);
    notes.push(
      `sweep floor (one raw statement in its own transaction writing the same rows: the UPDATE, ${BREACHES ? 3 : 2} events and 1 customer mail per ticket${sweep.notificationsOn ? `${BREACHES ? ", 1,000 alerts" : ""}, the assignee's${BREACHES ? " and each manager's" : ""} notification${BREACHES ? " and the managers' mails" : ""}` : "; no notifications before their migration"}` +
        `, with the triggers its writes fire: agent load, live-update NOTIFYs at commit, webhooks): ` +
        `${fmt(median(sweep.floorMs), 1)} ms, ${fmt(median(sweep.floorMs) / median(sweep.raw), 2)}× the bare UPDATE; runSweep against it: ${fmt(median(sweep.floorRatios), 2)}×`,
    );
    notes.push(`rows written per run: runSweep ${[...sweep.writtenBySweep].join(" | ")}; floor ${[...sweep.writtenByFloor].join(" | ")}`);
    notes.push(`sweep: escalated per run ${[...new Set(sweep.escalated)].join(", ")}, alerted ${[...new Set(sweep.alerted)].join(", ")}; idle runs escalated/alerted/updatesDue ${[...new Set(sweep.idleResults)].join(", ")}`);
  }

  if (ONLY.has("claims")) {
    log(`\n3. claims: 50 L1 agents claiming from the service-desk queue, claimTicket against the bare UPDATE in paired rounds, the first from cold`);
    t = performance.now();
    profile.clear();
    const part = await runClaimsPart(kit, f, sql, TARGETS);
    log(`  (${fmt((performance.now() - t) / 1000, 1)} s)`);
    rows.push(...part.rows);
    notes.push(...part.notes);
  }

  log(`\nResults (medians; a ratio is the median of the per-round app/raw ratios, each pair measured back to back)`);
  printTable(rows);
  log(``);
  for (const note of notes) log(note);
  log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; total ${fmt((performance.now() - started) / 1000, 1)} s`);
}

await runBenchmark(main, cleanup);
