// npm run bench:pages: server time of the agent queue, the ticket page and the customer portal with 1,000,000
// tickets in PostgreSQL, 500 agents and 300 customers (issues 4 and 18).
//
// A measurement, not a test: it creates a throw-away database, migrates and seeds it, loads a year of history
// (bench:dashboard's loader) and the open backlog (bench:load's) with set-based INSERT … SELECT generate_series
// (scripts/bench-pages/data.ts), runs each page's lib functions in this process to capture the SQL they send and
// prints every statement's plan: a sequential scan of "Ticket" or "TicketEvent" in any plan (custom or generic)
// fails the benchmark (exit 1) once it has measured the rest. Then it builds the app if stale, starts the app server,
// signs in (l1agent, l2agent, l3agent, manager, a customer) and requests every page in rounds (each page once per
// round, BENCH_REQUESTS rounds), each request followed by the same statements sent raw with pg, and prints median and
// p95 against the targets with PASS/MISS, and the ratio to the raw SQL. It stops the server and drops the database on
// success, failure or interruption.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PORT           the app's port (default 3300)
//   BENCH_REQUESTS       rounds (default 20, after 2 warm-up rounds)
//   BENCH_TICKETS        tickets in all (default 1,000,000)
//   BENCH_OPEN_TICKETS   of which the open backlog (default 100,000; the rest is history)
//   BENCH_PLANS=full     print each plan in full, not only its scans
//   BENCH_KEEP=1         keep the database (its name is printed); BENCH_REUSE=<name> measures such a kept database
//                        again (pending migrations applied, nothing loaded) and keeps it
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { actorOf } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { buildIfStale, signIn, startAppServer, stopAppServer } from "./bench-app-server";
import { throwAwayDatabase } from "./bench-database";
import { loadPagesData, PORTAL_CUSTOMER, readPagesData } from "./bench-pages/data";
import { benchPages, type Actors, type BenchPage, type Signer } from "./bench-pages/pages";
import { captureStatements, explainCustom, explainGeneric, isPlannable, NEVER_SCANNED, shortText, type Statement } from "./bench-pages/plans";
import { runBenchmark } from "./bench-run";
import { fmt } from "./bench-figures";

const ROUNDS = Number(process.env.BENCH_REQUESTS ?? 20);
const WARMUP = 2;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const OPEN_TICKETS = Number(process.env.BENCH_OPEN_TICKETS ?? 100_000);
const AGENTS = 500;
const CUSTOMERS = 300;
const TARGET = { median: 150, p95: 300, searchMedian: 200 };
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;

const REUSE = process.env.BENCH_REUSE;
const KEEP = process.env.BENCH_KEEP === "1" || Boolean(REUSE);
const database = throwAwayDatabase("t_bench_pages", REUSE);
const { admin, name: dbName, url: benchUrl } = database;

const log = (line: string) => console.log(line);
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

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

// ---- plans -------------------------------------------------------------------------------------------

/**
 * Captures each page's statements (its lib functions run here, on the bench's own Prisma client) and prints the
 * plan of each statement once; returns the statements per page (for the raw SQL beside each request) and the
 * plans that scan a table of NEVER_SCANNED.
 */
async function explainPages(pages: BenchPage[]): Promise<{ statements: Map<BenchPage, Statement[]>; failures: string[] }> {
  const statements = new Map<BenchPage, Statement[]>();
  const seen = new Set<string>();
  const failures: string[] = [];
  const full = process.env.BENCH_PLANS === "full";
  const client = await sql!.connect();
  log(`\nPlans of the SQL each page sends (captured from the driver while its lib functions ran here; each statement text once;`);
  log(`custom plan by EXPLAIN ANALYZE, and the generic plan a prepared statement may switch to, where it differs)`);
  try {
    for (const page of pages) {
      const sent = (await captureStatements(page.lib)).filter((s) => isPlannable(s.text));
      statements.set(page, sent);
      const fresh = sent.filter((s) => {
        // Once per text: a page's clock moves the values of the same statement from one call to the next.
        const key = s.text;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (!fresh.length) continue;
      log(`\n  ${page.label}: ${sent.length} statements, ${fresh.length} not shown above`);
      for (const s of fresh) {
        const custom = await explainCustom(client, s);
        const generic = await explainGeneric(client, s);
        const genericDiffers = generic && generic.nodes.join() !== custom.nodes.join();
        const scanned = [...new Set([...custom.scanned, ...(generic?.scanned ?? [])])];
        if (scanned.length) failures.push(`${page.label}: sequential scan of ${scanned.join(", ")} in ${shortText(s.text, 200)}`);
        log(`    ${scanned.length ? "SEQ SCAN " : ""}${custom.ms === null ? "  (write)" : `${fmt(custom.ms, 2).padStart(7)} ms`}  ${shortText(s.text)}`);
        log(`        ${custom.nodes.join(", ") || "(no table)"}`);
        if (genericDiffers) log(`        generic: ${generic.nodes.join(", ")}`);
        if (full) {
          const text = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${s.text}`, s.values.map((v) => (v instanceof Date ? v.toISOString() : v)))).rows;
          for (const line of text) log(`        | ${line["QUERY PLAN"]}`);
        }
      }
    }
  } finally {
    client.release();
  }
  return { statements, failures };
}

// ---- the server --------------------------------------------------------------------------------------

interface Timing {
  /** The page's first request of the run (its first render in this server process: nothing kept yet). */
  first: number;
  http: number[];
  raw: number[];
}

async function request(cookie: string, page: BenchPage): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${BASE}${page.url}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200 || !body.includes(page.expect)) throw new Error(`${page.url} answered ${response.status} without "${page.expect}".`);
  return ms;
}

/** The page's statements sent raw with pg, one after another: the SQL alone, on the same machine at the same moment. */
async function raw(statements: Statement[]): Promise<number> {
  const start = performance.now();
  for (const s of statements) await sql!.query(s.text, s.values.map((v) => (v instanceof Date ? v.toISOString() : v)));
  return performance.now() - start;
}

/** Every page once per round, in order, each request followed by its raw SQL; warm-up rounds first. */
async function timePages(pages: BenchPage[], cookies: Record<Signer, string>, statements: Map<BenchPage, Statement[]>): Promise<Map<BenchPage, Timing>> {
  const timings = new Map(pages.map((p): [BenchPage, Timing] => [p, { first: NaN, http: [], raw: [] }]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const page of pages) {
      const http = await request(cookies[page.as], page);
      const floor = await raw(statements.get(page) ?? []);
      if (round === 0) timings.get(page)!.first = http;
      if (round >= WARMUP) {
        timings.get(page)!.http.push(http);
        timings.get(page)!.raw.push(floor);
      }
    }
  }
  return timings;
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk page benchmark (issues 4 and 18): queue, ticket page and portal with ${fmt(TICKETS)} tickets in PostgreSQL`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  log(`load average at start: ${loadAverage()} (shared machine: absolute figures move with the neighbours)`);

  if (!REUSE) {
    await admin(`CREATE DATABASE "${dbName}"`);
    created = true;
  }
  opened = createDatabase({ kind: "postgres", url: benchUrl });
  const migrated = await applyMigrations(opened.connection.factory);
  if (!REUSE) await seedDemoData(opened.db);

  sql = new pg.Pool({ connectionString: benchUrl, max: 2 });
  sql.on("error", () => {});
  const version = (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  log(`database: PostgreSQL ${version}, ${new URL(database.adminUrl).host}/${dbName} (throw-away)`);
  const now = new Date();
  let t = performance.now();
  if (REUSE) {
    await sql.query(`VACUUM ANALYZE "Ticket"`);
    log(`reusing ${dbName} as kept by an earlier run${migrated.length ? `, migrated: ${migrated.join(", ")}` : ""}`);
  }
  const data = REUSE ? await readPagesData(sql) : await loadPagesData(sql, now, { tickets: TICKETS, open: OPEN_TICKETS, agents: AGENTS, customers: CUSTOMERS });
  const [sizes] = (await sql.query<{ tickets: string; events: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('"Ticket"')) AS tickets, pg_size_pretty(pg_total_relation_size('"TicketEvent"')) AS events`,
  )).rows;
  log(
    `setup: ${fmt(data.tickets)} tickets (${REUSE ? "kept" : `${fmt(TICKETS - OPEN_TICKETS)} of history, ${fmt(OPEN_TICKETS)} open backlog`}) and ${fmt(data.events)} events, ` +
      `${fmt(data.agents)} agents, ${fmt(data.customers)} customers, ${REUSE ? "read" : "loaded and analyzed"} in ${fmt((performance.now() - t) / 1000, 1)} s ` +
      `(Ticket ${sizes!.tickets} with indexes, TicketEvent ${sizes!.events})`,
  );

  const user = async (userId: string) => actorOf(await opened!.db.user.findUniqueOrThrow({ where: { userId } }));
  const actors: Actors = { l1agent: await user("l1agent"), l2agent: await user("l2agent"), l3agent: await user("l3agent"), manager: await user("manager"), customer: await user(PORTAL_CUSTOMER.userId) };
  installProcessDatabase(opened);
  const pages = await benchPages(actors, data);
  const { statements, failures } = await explainPages(pages);
  installProcessDatabase(undefined);
  await opened.close();
  opened = undefined;
  log(failures.length ? `\n! ${failures.length} plan(s) scan ${NEVER_SCANNED.join(" or ")} sequentially: the benchmark fails after measuring` : `\nNo plan scans ${NEVER_SCANNED.join(" or ")} sequentially.`);

  buildIfStale(log);
  t = performance.now();
  server = await startAppServer({ port: PORT, databaseUrl: benchUrl, name: "bench-pages" });
  log(`\nserver: app server on ${BASE} (DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE ?? "10"}, sweep off), up in ${fmt((performance.now() - t) / 1000, 1)} s`);
  const cookies: Record<Signer, string> = {
    l1agent: await signIn(BASE, "l1agent", "l1agent-demo-pass"),
    l2agent: await signIn(BASE, "l2agent", "l2agent-demo-pass"),
    l3agent: await signIn(BASE, "l3agent", "l3agent-demo-pass"),
    manager: await signIn(BASE, "manager", "manager-demo-pass"),
    customer: await signIn(BASE, PORTAL_CUSTOMER.userId, PORTAL_CUSTOMER.pin, "", "customer"),
  };

  log(`\nServer time: ${WARMUP} warm-up + ${ROUNDS} rounds, every page once a round, time to the full response on loopback; raw = the page's own statements sent with pg right after; first = the page's first request of the run`);
  log(`load average before timing: ${loadAverage()}`);
  t = performance.now();
  const timings = await timePages(pages, cookies, statements);
  let passed = 0;
  for (const page of pages) {
    const { first, http, raw: floor } = timings.get(page)!;
    const median = percentile(http, 50);
    const p95 = percentile(http, 95);
    const rawMedian = percentile(floor, 50);
    const medianTarget = page.kind === "search" ? TARGET.searchMedian : TARGET.median;
    const pass = median < medianTarget && (page.kind === "search" || p95 < TARGET.p95);
    if (pass) passed++;
    const target = page.kind === "search" ? `median < ${medianTarget}` : `median < ${medianTarget}, p95 < ${TARGET.p95}`;
    log(
      `  ${page.label.padEnd(46)} median ${fmt(median, 1).padStart(6)} ms  p95 ${fmt(p95, 1).padStart(6)} ms   raw SQL ${fmt(rawMedian, 1).padStart(5)} ms (${fmt(median / Math.max(rawMedian, 0.01), 1)}×)   first ${fmt(first, 0).padStart(5)} ms   ${pass ? "PASS" : "MISS"} (${target})`,
    );
  }
  log(`\n${passed === pages.length ? "PASS" : "MISS"}: ${passed} of ${pages.length} pages within their targets (timing took ${fmt((performance.now() - t) / 1000, 0)} s)`);
  log(`load average at end: ${loadAverage()}`);
  if (failures.length) {
    for (const f of failures) log(`FAIL ${f}`);
    throw new Error(`${failures.length} plan(s) scan ${NEVER_SCANNED.join(" or ")} sequentially.`);
  }
}

await runBenchmark(main, cleanup);
