// npm run bench:dashboard: the manager dashboard with 1,000,000 tickets in PostgreSQL (issue 6).
//
// A measurement, not a test: it creates a throw-away database, migrates and seeds it, bulk-loads
// 1,000,000 tickets spread over the last 365 days with their decision log (one INSERT … SELECT
// generate_series each), then measures, alternating, the lib function getEscalationMetrics (30 days)
// against the very same SQL statements run raw with pg (same pool size, run side by side the same way),
// prints medians and the ratio; then starts the app server, signs in as manager and times the /dashboard
// page and GET /api/v1/metrics/escalations over HTTP, each request alternating with a raw run of the SQL. It stops the server and drops the database on
// success, failure or interruption.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PORT           the app's port (default 3310)
//   BENCH_RUNS           runs of each measurement (default 15)
//   BENCH_TICKETS        tickets to load (default 1,000,000)
//   BENCH_EXPLAIN=1      print EXPLAIN (ANALYZE, BUFFERS) of every statement first
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { actorOf } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { dashboardStatements } from "../lib/metrics/dashboard-sql";
import { getEscalationMetrics } from "../lib/metrics/get-escalation-metrics";
import { resolvePeriod } from "../lib/metrics/period";
import { seedDemoData } from "../lib/seed/demo-data";
import { buildIfStale, signIn, startAppServer, stopAppServer } from "./bench-app-server";
import { throwAwayDatabase } from "./bench-database";
import { loadTicketHistory } from "./bench-history-tickets";
import { runBenchmark } from "./bench-run";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const TARGET_MEDIAN_MS = 1000;
const TARGET_RATIO = 1.2;
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const BASE = `http://127.0.0.1:${PORT}`;

const database = throwAwayDatabase("t_bench_dashboard");
const { name: dbName, url: benchUrl, admin } = database;

const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

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
  if (created) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  return `stopped the server, dropped ${dbName}`;
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

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk dashboard benchmark (issue 6): 30-day figures with ${fmt(TICKETS)} tickets in PostgreSQL`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine: compare ratios, not absolute figures)`);

  await admin(`CREATE DATABASE "${dbName}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: benchUrl });
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  installProcessDatabase(opened);

  sql = new pg.Pool({ connectionString: benchUrl, max: POOL_SIZE });
  sql.on("error", () => {});
  const version = (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  log(`database: PostgreSQL ${version}, ${new URL(database.adminUrl).host}/${dbName} (throw-away)`);
  const now = new Date();
  let t = performance.now();
  await loadTicketHistory(sql, now, TICKETS);
  const [loaded] = (await sql.query<{ tickets: number; events: number; month: number }>(
    `SELECT (SELECT count(*)::int FROM "Ticket") AS tickets, (SELECT count(*)::int FROM "TicketEvent") AS events,
            (SELECT count(*)::int FROM "Ticket" WHERE "createdAt" >= $1::timestamp(3) - interval '30 days' AND "createdAt" < $1::timestamp(3)) AS month`,
    [now.toISOString()],
  )).rows;
  log(`setup: ${fmt(loaded!.tickets)} tickets (${fmt(loaded!.month)} in the last 30 days) and ${fmt(loaded!.events)} events bulk-loaded and analyzed in ${fmt((performance.now() - t) / 1000, 1)} s`);

  // 1. The lib function vs the same statements raw, alternating, same pool size, run side by side alike.
  const manager = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "manager" } }));
  const statements = Object.values(dashboardStatements(resolvePeriod({ period: "30d" }, now), {}, now));
  if (process.env.BENCH_EXPLAIN === "1") {
    const names = Object.keys(dashboardStatements(resolvePeriod({ period: "30d" }, now), {}, now));
    for (const [i, s] of statements.entries()) {
      const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values as unknown[]);
      log(`\n-- plan of ${names[i]}:\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  const lib = async () => {
    const start = performance.now();
    const metrics = await getEscalationMetrics(manager, { period: "30d" }, now);
    if (metrics.funnel.opened !== loaded!.month) throw new Error(`getEscalationMetrics counted ${metrics.funnel.opened} tickets, expected ${loaded!.month}.`);
    return performance.now() - start;
  };
  const raw = async () => {
    const start = performance.now();
    await Promise.all(statements.map((s) => sql!.query(s.text, s.values as unknown[])));
    return performance.now() - start;
  };
  for (let i = 0; i < WARMUP; i++) {
    await lib();
    await raw();
  }
  const libTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) {
      rawTimes.push(await raw());
      libTimes.push(await lib());
    } else {
      libTimes.push(await lib());
      rawTimes.push(await raw());
    }
  }
  const ratio = median(libTimes) / median(rawTimes);
  log(`\n1. 30-day figures, ${RUNS} alternating runs each (${statements.length} statements, pool ${POOL_SIZE}):`);
  log(`   getEscalationMetrics (Prisma)  median ${fmt(median(libTimes), 1).padStart(8)} ms   min ${fmt(Math.min(...libTimes), 1)} ms`);
  log(`   same SQL raw with pg           median ${fmt(median(rawTimes), 1).padStart(8)} ms   min ${fmt(Math.min(...rawTimes), 1)} ms`);
  log(`   ratio lib / raw ${fmt(ratio, 2)}×   ${ratio <= TARGET_RATIO ? "PASS" : "MISS"} (≤ ${TARGET_RATIO}×)`);
  installProcessDatabase(undefined);
  await opened.close();
  opened = undefined;

  // 2. The page and the API over HTTP.
  buildIfStale(log);
  t = performance.now();
  server = await startAppServer({ port: PORT, databaseUrl: benchUrl, name: "bench-dashboard" });
  log(`\n2. app server on ${BASE} (sweep off), up in ${fmt((performance.now() - t) / 1000, 1)} s; signed in as manager; ${WARMUP} warm-up + ${RUNS} sequential requests`);
  const cookie = await signIn(BASE, "manager", "manager-demo-pass");
  const page = await timeRequest(cookie, "/dashboard?period=30d", "Escalation funnel", raw);
  const api = await timeRequest(cookie, "/api/v1/metrics/escalations?period=30d", `"funnel"`, raw);
  for (const [label, times] of [["/dashboard?period=30d", page], ["GET /api/v1/metrics/escalations?period=30d", api]] as const) {
    const m = median(times.http);
    const r = m / median(times.raw);
    log(
      `   ${label.padEnd(44)} median ${fmt(m, 1).padStart(8)} ms   min ${fmt(Math.min(...times.http), 1)} ms   ` +
        `${m < TARGET_MEDIAN_MS ? "PASS" : "MISS"} (< ${TARGET_MEDIAN_MS} ms)   raw SQL alongside median ${fmt(median(times.raw), 1)} ms   ` +
        `ratio ${fmt(r, 2)}×   ${r <= TARGET_RATIO ? "PASS" : "MISS"} (≤ ${TARGET_RATIO}×)`,
    );
  }
  log(`\nload average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await runBenchmark(main, cleanup);
