// npm run bench:pages: server time of the agent queue page with 100,000 tickets in PostgreSQL (issue 4).
//
// A measurement, not a test: it creates a throw-away database, migrates and seeds it, bulk-loads
// 100,000 open tickets in one INSERT … SELECT, prints the plan of every view's list and count query
// (EXPLAIN ANALYZE: which index, how long), builds the app if it is stale, starts the app server on it,
// signs in as l1agent through next-auth, requests the queue page ~30 times per view and prints the
// median and p90 time to the full response; then the ticket page if it exists. It stops the server and
// drops the database on success, failure or interruption.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PORT           the app's port (default 3300)
//   BENCH_REQUESTS       requests per page (default 30)
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { filterConditions, scopeCondition, viewCondition, whereOf } from "../lib/tickets/queue-conditions";
import type { QueueScope } from "../lib/tickets/queue-scope";
import { QUEUE_VIEWS } from "../lib/validation/queue";
import { buildIfStale, signIn, startAppServer, stopAppServer } from "./bench-app-server";
import { bulkLoad, insertUsers, loadFixtures, type Fixtures } from "./bench-open-tickets";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP = 3;
const TARGET_MEDIAN_MS = 150;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;

const database = throwAwayDatabase("t_bench_pages");
const { name: dbName, url: benchUrl, admin } = database;

const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
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
  await opened?.close().catch(() => {});
  if (created) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  return `stopped the server, dropped ${dbName}`;
}

// ---- data: scripts/bench-open-tickets.ts --------------------------------------------------------------

// ---- plans -------------------------------------------------------------------------------------------

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function planSummary(node: PlanNode): string[] {
  const here = node["Index Name"] ? `${node["Node Type"]} ${node["Index Name"]}` : node["Relation Name"] ? `${node["Node Type"]} ${node["Relation Name"]}` : null;
  return [...(here ? [here] : []), ...(node.Plans ?? []).flatMap(planSummary)];
}

async function explain(pool: pg.Pool, label: string, statement: { text: string; values: unknown[] }): Promise<boolean> {
  const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const [row] = (await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, values)).rows;
  const plan = row!["QUERY PLAN"][0];
  const nodes = [...new Set(planSummary(plan.Plan))];
  const seqOnTicket = nodes.some((n) => n === "Seq Scan Ticket");
  log(`  ${label.padEnd(24)} ${fmt(plan["Execution Time"], 2).padStart(7)} ms  ${seqOnTicket ? "SEQ SCAN  " : ""}${nodes.join(", ")}`);
  return !seqOnTicket;
}

async function explainViews(pool: pg.Pool, f: Fixtures, now: Date): Promise<boolean> {
  const scope: QueueScope = { actorId: f.l1agent, tiers: ["L1"], escalationTier: "L1", selected: "L1" };
  const groups = [f.serviceDesk];
  const base = scopeCondition(scope);
  let indexed = true;
  log(`\nPlans as l1agent (EXPLAIN ANALYZE on PostgreSQL; list = first page of 51 rows, count = the view's badge)`);
  for (const view of QUEUE_VIEWS) {
    const where = whereOf([base, viewCondition(view, scope, groups, now)]);
    const list = statementOf(`SELECT t."id" FROM "Ticket" t WHERE `, where, ` ORDER BY t."priority", t."id" LIMIT 51`);
    const count = statementOf(`SELECT count(*) FROM "Ticket" t WHERE `, where, ``);
    indexed = (await explain(pool, `${view} list`, list)) && indexed;
    indexed = (await explain(pool, `${view} count`, count)) && indexed;
  }
  const manager: QueueScope = { actorId: f.manager, tiers: null, escalationTier: null, selected: "all" };
  for (const view of ["unassigned", "tier", "due-soon", "escalated"] as const) {
    const where = whereOf([scopeCondition(manager), viewCondition(view, manager, null, now)]);
    indexed = (await explain(pool, `${view} list (all)`, statementOf(`SELECT t."id" FROM "Ticket" t WHERE `, where, ` ORDER BY t."priority", t."id" LIMIT 51`))) && indexed;
    indexed = (await explain(pool, `${view} count (all)`, statementOf(`SELECT count(*) FROM "Ticket" t WHERE `, where, ``))) && indexed;
  }
  const l2: QueueScope = { actorId: f.l2agent, tiers: ["L2"], escalationTier: "L2", selected: "L2" };
  const escalatedToL2 = whereOf([scopeCondition(l2), viewCondition("escalated", l2, null, now)]);
  indexed = (await explain(pool, `escalated list (L2)`, statementOf(`SELECT t."id" FROM "Ticket" t WHERE `, escalatedToL2, ` ORDER BY t."priority", t."id" LIMIT 51`))) && indexed;
  indexed = (await explain(pool, `escalated count (L2)`, statementOf(`SELECT count(*) FROM "Ticket" t WHERE `, escalatedToL2, ``))) && indexed;
  const searched = whereOf([base, viewCondition("tier", scope, groups, now), ...filterConditions({ q: "invoice" })]);
  indexed = (await explain(pool, `search "invoice"`, statementOf(`SELECT t."id" FROM "Ticket" t WHERE `, searched, ` ORDER BY t."priority", t."id" LIMIT 51`))) && indexed;
  const byNumber = whereOf([base, viewCondition("tier", scope, groups, now), ...filterConditions({ q: "INC-1000001" })]);
  indexed = (await explain(pool, `search a number`, statementOf(`SELECT t."id" FROM "Ticket" t WHERE `, byNumber, ` ORDER BY t."priority", t."id" LIMIT 51`))) && indexed;
  return indexed;
}

/** A Prisma.Sql condition inside a statement, as pg text with $n placeholders. */
function statementOf(before: string, where: { text: string; values: unknown[] }, after: string) {
  return { text: `${before}${where.text}${after}`, values: where.values };
}

// ---- the server --------------------------------------------------------------------------------------

interface Timing {
  label: string;
  status: number;
  median: number;
  p90: number;
  min: number;
}

async function timePage(cookies: string, label: string, url: string, expect: string): Promise<Timing> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(`${BASE}${url}`, { headers: { Cookie: cookies }, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.status === 200 && !body.includes(expect)) throw new Error(`${url} answered 200 without "${expect}".`);
    return { ms, status: response.status };
  };
  for (let i = 0; i < WARMUP; i++) {
    const first = await once();
    if (first.status !== 200) return { label, status: first.status, median: NaN, p90: NaN, min: NaN };
  }
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push((await once()).ms);
  return { label, status: 200, median: percentile(times, 50), p90: percentile(times, 90), min: Math.min(...times) };
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpus = os.cpus();
  log("Tierdesk page benchmark (issue 4): the agent queue with 100,000 tickets in PostgreSQL");
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine: absolute figures move with the neighbours)`);

  await admin(`CREATE DATABASE "${dbName}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: benchUrl });
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  await opened.close();
  opened = undefined;

  sql = new pg.Pool({ connectionString: benchUrl, max: 2 });
  sql.on("error", () => {});
  const version = (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  log(`database: PostgreSQL ${version}, ${new URL(database.adminUrl).host}/${dbName} (throw-away)`);
  const f = await loadFixtures(sql);
  const agents = await insertUsers(sql, f);
  const now = new Date();
  let t = performance.now();
  await bulkLoad(sql, f, agents, now);
  const [loaded] = (await sql.query<{ tickets: number; events: number }>(`SELECT (SELECT count(*)::int FROM "Ticket") AS tickets, (SELECT count(*)::int FROM "TicketEvent") AS events`)).rows;
  log(`setup: ${fmt(loaded!.tickets)} tickets and ${fmt(loaded!.events)} events bulk-loaded (search vectors by trigger) and analyzed in ${fmt((performance.now() - t) / 1000, 1)} s`);

  const indexed = await explainViews(sql, f, now);
  log(indexed ? `  every list and count is index-backed (no sequential scan of "Ticket")` : `  ! a sequential scan of "Ticket" above`);

  buildIfStale(log);
  t = performance.now();
  server = await startAppServer({ port: PORT, databaseUrl: benchUrl, name: "bench-pages" });
  log(`server: app server on ${BASE} (DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE ?? "10"}, sweep off), up in ${fmt((performance.now() - t) / 1000, 1)} s`);
  const cookies = await signIn(BASE, "l1agent", "l1agent-demo-pass");

  log(`\nServer time as l1agent (and manager where named): ${WARMUP} warm-up + ${REQUESTS} sequential requests each, time to the full response on loopback`);
  const pages: [string, string, string][] = [
    ...QUEUE_VIEWS.map((view): [string, string, string] => [`/queue?view=${view}`, `/queue?view=${view}`, "L1 queue"]),
    [`search "invoice"`, `/queue?q=invoice`, "L1 queue"],
    [`search + filters`, `/queue?view=unassigned&q=vpn&priority=P2&category=access`, "L1 queue"],
    [`page 2 (cursor)`, "", "L1 queue"],
    [`GET /api/v1/queue`, `/api/v1/queue?view=unassigned`, `"counts"`],
  ];
  const firstPage = (await (await fetch(`${BASE}/api/v1/queue?view=tier`, { headers: { Cookie: cookies } })).json()) as { nextCursor: string | null; rows: { number: string }[] };
  pages[pages.length - 2]![1] = `/queue?view=tier&cursor=${firstPage.nextCursor}`;
  const ticketNumber = firstPage.rows[0]!.number;
  pages.push([`/queue/tickets/${ticketNumber}`, `/queue/tickets/${ticketNumber}`, ticketNumber]);

  const managerCookies = await signIn(BASE, "manager", "manager-demo-pass");
  const asManager = new Set([`manager: all tiers`, `manager: unassigned, all`]);
  pages.push([`manager: all tiers`, `/queue`, "All tiers queue"], [`manager: unassigned, all`, `/queue?view=unassigned`, "All tiers queue"]);

  const results: Timing[] = [];
  for (const [label, url, expect] of pages) {
    const r = await timePage(asManager.has(label) ? managerCookies : cookies, label, url, expect);
    results.push(r);
    if (r.status !== 200) log(`  ${label.padEnd(34)} skipped: answered ${r.status}${r.status === 404 ? " (the ticket page does not exist on this branch)" : ""}`);
    else log(`  ${label.padEnd(34)} median ${fmt(r.median, 1).padStart(6)} ms   p90 ${fmt(r.p90, 1).padStart(6)} ms   min ${fmt(r.min, 1).padStart(6)} ms   ${r.median < TARGET_MEDIAN_MS ? "PASS" : "MISS"} (< ${TARGET_MEDIAN_MS} ms median)`);
  }
  const measured = results.filter((r) => r.status === 200);
  log(`\n${measured.every((r) => r.median < TARGET_MEDIAN_MS) ? "PASS" : "MISS"}: ${measured.filter((r) => r.median < TARGET_MEDIAN_MS).length} of ${measured.length} pages under ${TARGET_MEDIAN_MS} ms at the median`);
  log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await runBenchmark(main, cleanup);
