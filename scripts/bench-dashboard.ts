// npm run bench:dashboard: the manager dashboard with 1,000,000 tickets in PostgreSQL, on its daily rollups
// (issues 6 and 18).
//
// A measurement, not a test: it creates a throw-away database, migrates and seeds it, bulk-loads 1,000,000
// tickets spread over the last 365 days with their decision log (one INSERT … SELECT generate_series each,
// the rollup triggers off meanwhile), builds the rollups as the migration does ("dashboard_rollups_rebuild"),
// then measures, alternating, for the last 30 and the last 365 days: the lib function getEscalationMetrics
// (rollups), its statements run raw with pg, and the statements the dashboard ran before the rollups (the
// recount, straight from the tickets) run raw with pg the same way. Then what the rollups cost writers:
// tickets opened through the lib by 8 callers and then resolved, with the rollup triggers and their index
// and without them, alternating rounds. Then it starts the app server, signs in as manager and times the
// /dashboard page and GET /api/v1/metrics/escalations for both periods over HTTP, each request alternating
// with a raw run of the recount. It stops the server and drops the database on success, failure or
// interruption.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PORT           the app's port (default 3310)
//   BENCH_RUNS           runs of each measurement (default 15)
//   BENCH_TICKETS        tickets to load (default 1,000,000)
//   BENCH_WRITES         tickets opened (then resolved) per round of the write cost (default 400)
//   BENCH_EXPLAIN=1      print EXPLAIN (ANALYZE, BUFFERS) of every statement of the 365 days first
//   BENCH_KEEP=1         keep the database (its name is printed); BENCH_REUSE=<name> measures such a kept database
//                        again (pending migrations applied, nothing loaded, the rollups as they are) and keeps it
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { actorOf } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { dashboardStatements } from "../lib/metrics/dashboard.sql";
import { recountStatements } from "../lib/metrics/dashboard-recount.sql";
import { getEscalationMetrics } from "../lib/metrics/get-escalation-metrics";
import { resolvePeriod } from "../lib/metrics/period";
import { updateTicket } from "../lib/routing/update-ticket";
import { seedDemoData } from "../lib/seed/demo-data";
import { createTicket } from "../lib/tickets/create-ticket";
import { buildIfStale, signIn, startAppServer, stopAppServer } from "./bench-app-server";
import { throwAwayDatabase } from "./bench-database";
import { loadTicketHistory } from "./bench-history-tickets";
import { runBenchmark } from "./bench-run";
import { fmt, median } from "./bench-figures";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WRITES = Number(process.env.BENCH_WRITES ?? 400);
const WRITE_ROUNDS = 6;
const WRITERS = 8;
const WARMUP = 2;
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const PERIODS = [
  { period: "30d", targetMs: 300 },
  { period: "365d", targetMs: 1000 },
] as const;
const TARGET_RATIO = 1.2;
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const BASE = `http://127.0.0.1:${PORT}`;

const REUSE = process.env.BENCH_REUSE;
const KEEP = process.env.BENCH_KEEP === "1" || Boolean(REUSE);
const database = throwAwayDatabase("t_bench_dashboard", REUSE);
const { admin, name: dbName, url: benchUrl } = database;

const log = (line: string) => console.log(line);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

// ---- cleanup -----------------------------------------------------------------------------------------

let created = false;
let opened: OpenedDatabase | undefined;
let sql: pg.Pool | undefined;
let server: ChildProcess | undefined;

/** Stops the server, closes the pools and drops the database. */
async function cleanup(): Promise<string> {
  await stopAppServer(server);
  await sql?.end().catch(() => {});
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (created && !KEEP) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  return `stopped the server, ${KEEP ? "kept" : "dropped"} ${dbName}`;
}

// ---- data: scripts/bench-history-tickets.ts ---------------------------------------------------------

// ---- the server --------------------------------------------------------------------------------------

/**
 * Times `url` over HTTP, alternating each request with one run of the raw SQL (`raw`), so that both see
 * the machine as it is at that moment: returns both series.
 */
async function timeRequest(cookie: string, url: string, expect: string, raw: () => Promise<number>): Promise<{ http: number[]; raw: number[] }> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(`${BASE}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(expect)) throw new Error(`${url} answered ${response.status} without "${expect}".`);
    return performance.now() - start;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times = { http: [] as number[], raw: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) {
      times.raw.push(await raw());
      times.http.push(await once());
    } else {
      times.http.push(await once());
      times.raw.push(await raw());
    }
  }
  return times;
}

// ---- the rollups ------------------------------------------------------------------------------------

const ROLLUP_TRIGGERS = [
  ["Ticket", "Ticket_dashboard_rollups_insert"],
  ["Ticket", "Ticket_dashboard_rollups_update"],
  ["Ticket", "Ticket_dashboard_rollups_delete"],
  ["TicketEvent", "TicketEvent_dashboard_rollups"],
] as const;

/** The migration's partial index of live tickets, as pg_get_indexdef gives it (read before the first round drops it). */
let liveIndex = "";

/** Switches the rollup triggers on or off, and with them their partial index: all the rollups cost writers. */
async function rollupsOn(pool: pg.Pool, on: boolean): Promise<void> {
  for (const [table, trigger] of ROLLUP_TRIGGERS) await pool.query(`ALTER TABLE "${table}" ${on ? "ENABLE" : "DISABLE"} TRIGGER "${trigger}"`);
  await pool.query(on ? liveIndex.replace(/^CREATE INDEX/, "CREATE INDEX IF NOT EXISTS") : `DROP INDEX IF EXISTS "Ticket_dashboard_live_idx"`);
}

/** Runs a statement built with Prisma.sql on the raw pool, as $queryRaw would send it. */
const runRaw = (pool: pg.Pool, statement: Prisma.Sql) => pool.query(statement.text, statement.values as unknown[]);

/** The statements the dashboard ran before the rollups: the recount, plus those that never read a period. */
function beforeRollups(period: string, now: Date): Prisma.Sql[] {
  const range = resolvePeriod({ period: period as "30d" }, now);
  const current = dashboardStatements(range, {}, now);
  return [...Object.values(recountStatements(range, {}, now)), current.backlog, current.vendors, current.agents, current.categories];
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk dashboard benchmark (issues 6, 18): the dashboard on its daily rollups with ${fmt(TICKETS)} tickets in PostgreSQL`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine: compare ratios, not absolute figures)`);

  if (!REUSE) {
    await admin(`CREATE DATABASE "${dbName}"`);
    created = true;
  }
  opened = createDatabase({ kind: "postgres", url: benchUrl });
  const migrated = await applyMigrations(opened.connection.factory);
  if (!REUSE) await seedDemoData(opened.db);
  installProcessDatabase(opened);

  sql = new pg.Pool({ connectionString: benchUrl, max: POOL_SIZE });
  sql.on("error", () => {});
  const version = (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  log(`database: PostgreSQL ${version}, ${new URL(database.adminUrl).host}/${dbName} (throw-away)`);
  liveIndex = (await sql.query<{ def: string }>(`SELECT pg_get_indexdef('"Ticket_dashboard_live_idx"'::regclass) AS def`)).rows[0]!.def;
  const now = new Date();
  let t = performance.now();
  if (REUSE) {
    await sql.query(`VACUUM ANALYZE "Ticket", "TicketEvent"`);
    log(`reusing ${dbName} as kept by an earlier run${migrated.length ? `, migrated: ${migrated.join(", ")}` : ""}`);
  } else {
    await rollupsOn(sql, false);
    await loadTicketHistory(sql, now, TICKETS);
    await rollupsOn(sql, true);
  }
  const [loaded] = (await sql.query<{ tickets: number; events: number; month: number; year: number }>(
    `SELECT (SELECT count(*)::int FROM "Ticket") AS tickets, (SELECT count(*)::int FROM "TicketEvent") AS events,
            (SELECT count(*)::int FROM "Ticket" WHERE "createdAt" >= $1::timestamp(3) - interval '30 days' AND "createdAt" < $1::timestamp(3)) AS month,
            (SELECT count(*)::int FROM "Ticket" WHERE "createdAt" >= $1::timestamp(3) - interval '365 days' AND "createdAt" < $1::timestamp(3)) AS year`,
    [now.toISOString()],
  )).rows;
  log(`setup: ${fmt(loaded!.tickets)} tickets (${fmt(loaded!.month)} in the last 30 days) and ${fmt(loaded!.events)} events ${REUSE ? "kept" : "bulk-loaded"} and analyzed in ${fmt((performance.now() - t) / 1000, 1)} s`);
  t = performance.now();
  if (!REUSE) await sql.query(`SELECT "dashboard_rollups_rebuild"()`);
  await sql.query(`VACUUM ANALYZE "DashboardCohortDay", "DashboardDurationDay", "DashboardEventDay", "DashboardResolvedDay"`);
  const sizes = (await sql.query<{ name: string; rows: string; bytes: string }>(
    `SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
     WHERE c.relname IN ('DashboardCohortDay', 'DashboardDurationDay', 'DashboardEventDay', 'DashboardResolvedDay', 'Ticket_dashboard_live_idx') ORDER BY 1`,
  )).rows;
  const rollupBytes = sizes.reduce((sum, r) => sum + Number(r.bytes), 0);
  log(
    REUSE
      ? `rollups as the earlier run left them (kept current by their triggers since):`
      : `rollups built from the tickets as the migration does (dashboard_rollups_rebuild, set-based): ${fmt((performance.now() - t) / 1000, 1)} s;`,
  );
  log(`  ${sizes.map((r) => `${r.name} ${fmt(Number(r.rows))} rows ${fmt(Number(r.bytes) / 2 ** 20, 1)} MiB`).join(", ")}`);
  log(`  in all ${fmt(rollupBytes / 2 ** 20, 1)} MiB, ${fmt(rollupBytes / loaded!.tickets)} bytes per ticket`);

  // 1. The lib function vs its statements raw vs the statements before the rollups, alternating, same pool size.
  const manager = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "manager" } }));
  if (process.env.BENCH_EXPLAIN === "1") {
    const statements = dashboardStatements(resolvePeriod({ period: "365d" }, now), {}, now);
    for (const [name, s] of Object.entries(statements)) {
      const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values as unknown[]);
      log(`\n-- plan of ${name} (365 days):\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  const timed = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  log(`\n1. the figures, ${RUNS} alternating runs each (pool ${POOL_SIZE}); targets: the lib function under the period's target at the median`);
  const libMedians: Record<string, number> = {};
  for (const { period, targetMs } of PERIODS) {
    const expected = period === "30d" ? loaded!.month : loaded!.year;
    const statements = Object.values(dashboardStatements(resolvePeriod({ period }, now), {}, now));
    const before = beforeRollups(period, now);
    const runs = {
      lib: () =>
        timed(async () => {
          const metrics = await getEscalationMetrics(manager, { period }, now);
          if (metrics.funnel.opened !== expected) throw new Error(`getEscalationMetrics counted ${metrics.funnel.opened} tickets, expected ${expected}.`);
        }),
      raw: () => timed(() => Promise.all(statements.map((s) => runRaw(sql!, s)))),
      before: () => timed(() => Promise.all(before.map((s) => runRaw(sql!, s)))),
    };
    // The recount reads the whole table and pushes the rollups out of the cache: whichever runs right after it
    // starts cold. So each round runs it first, then the lib function and its raw statements in turns.
    const orders: (keyof typeof runs)[][] = [["before", "lib", "raw"], ["before", "raw", "lib"]];
    for (let i = 0; i < WARMUP; i++) for (const k of orders[0]!) await runs[k]();
    const times: Record<keyof typeof runs, number[]> = { lib: [], raw: [], before: [] };
    for (let i = 0; i < RUNS; i++) for (const k of orders[i % 2]!) times[k].push(await runs[k]());
    const [lib, raw, before_] = [median(times.lib), median(times.raw), median(times.before)];
    libMedians[period] = lib;
    log(`   last ${period.replace("d", " days")} (${fmt(expected)} tickets opened):`);
    log(`     getEscalationMetrics (rollups)          median ${fmt(lib, 1).padStart(8)} ms   min ${fmt(Math.min(...times.lib), 1)} ms   ${verdict(lib < targetMs)} (< ${fmt(targetMs)} ms)`);
    log(`     its ${statements.length} statements raw with pg          median ${fmt(raw, 1).padStart(8)} ms   ratio lib / raw ${fmt(lib / raw, 2)}×   ${verdict(lib / raw <= TARGET_RATIO)} (≤ ${TARGET_RATIO}×)`);
    log(`     before the rollups: raw SQL over tickets median ${fmt(before_, 1).padStart(8)} ms   (${before.length} statements; the rollups are ${fmt(before_ / lib, 1)}× faster)`);
  }

  // 2. What the rollups cost writers: intake, then resolution (which settles the ticket into the rollups).
  log(`\n2. write cost: ${WRITES} tickets opened through createTicket by ${WRITERS} callers, then resolved through updateTicket, per round; ${WRITE_ROUNDS} rounds alternating with and without the rollup triggers and their index`);
  const customer = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "C1001" } }));
  const rates = { on: { intake: [] as number[], resolve: [] as number[] }, off: { intake: [] as number[], resolve: [] as number[] } };
  const inParallel = async <T>(items: T[], work: (item: T) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(Array.from({ length: WRITERS }, async () => {
      while (next < items.length) await work(items[next++]!);
    }));
  };
  const round = async (on: boolean, record: boolean) => {
    await rollupsOn(sql!, on);
    const made: { number: string; version: number }[] = [];
    let start = performance.now();
    await inParallel(Array.from({ length: WRITES }, (_, i) => i), async () => {
      const ticket = await createTicket(customer, { type: "INCIDENT", title: "Write-cost ticket", description: "Opened by bench:dashboard.", category: "platform" });
      made.push({ number: ticket.number, version: ticket.version });
    });
    const intake = WRITES / ((performance.now() - start) / 1000);
    start = performance.now();
    await inParallel(made, (ticket) => updateTicket(manager, ticket.number, { version: ticket.version, status: "RESOLVED" }));
    const resolve = WRITES / ((performance.now() - start) / 1000);
    if (record) {
      rates[on ? "on" : "off"].intake.push(intake);
      rates[on ? "on" : "off"].resolve.push(resolve);
    }
  };
  await round(true, false);
  await round(false, false);
  for (let i = 0; i < WRITE_ROUNDS; i++) await round(i % 2 === 0, true);
  await rollupsOn(sql, true);
  for (const kind of ["intake", "resolve"] as const) {
    const [on, off] = [median(rates.on[kind]), median(rates.off[kind])];
    log(`   ${kind === "intake" ? "intake    " : "resolution"}  with rollups ${fmt(on).padStart(5)}/s   without ${fmt(off).padStart(5)}/s   ratio ${fmt(on / off, 2)} (rounds: ${rates.on[kind].map((r) => fmt(r)).join(", ")} / ${rates.off[kind].map((r) => fmt(r)).join(", ")})`);
  }
  installProcessDatabase(undefined);
  await opened.close();
  opened = undefined;

  // 3. The page and the API over HTTP.
  buildIfStale(log);
  t = performance.now();
  server = await startAppServer({ port: PORT, databaseUrl: benchUrl, name: "bench-dashboard" });
  log(`\n3. app server on ${BASE} (sweep off), up in ${fmt((performance.now() - t) / 1000, 1)} s; signed in as manager; ${WARMUP} warm-up + ${RUNS} sequential requests, each beside a raw run of the SQL before the rollups`);
  const cookie = await signIn(BASE, "manager", "manager-demo-pass");
  for (const { period, targetMs } of PERIODS) {
    const before = beforeRollups(period, now);
    const raw = () => timed(() => Promise.all(before.map((s) => runRaw(sql!, s))));
    const page = await timeRequest(cookie, `/dashboard?period=${period}`, "Escalation funnel", raw);
    const api = await timeRequest(cookie, `/api/v1/metrics/escalations?period=${period}`, `"funnel"`, raw);
    for (const [label, times] of [[`/dashboard?period=${period}`, page], [`GET /api/v1/metrics/escalations?period=${period}`, api]] as const) {
      const m = median(times.http);
      log(
        `   ${label.padEnd(46)} median ${fmt(m, 1).padStart(8)} ms   min ${fmt(Math.min(...times.http), 1)} ms   ${verdict(m < targetMs)} (< ${fmt(targetMs)} ms)   ` +
          `before the rollups, raw SQL alongside: median ${fmt(median(times.raw), 1)} ms`,
      );
    }
  }
  log(`\nsummary: 30 days ${fmt(libMedians["30d"]!, 1)} ms ${verdict(libMedians["30d"]! < 300)} (< 300 ms), 365 days ${fmt(libMedians["365d"]!, 1)} ms ${verdict(libMedians["365d"]! < 1000)} (< 1 s)`);
  log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await runBenchmark(main, cleanup);
