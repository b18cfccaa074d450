// npm run bench:notifications: the bell's unread count at 1,000,000 notifications (issue 14: one indexed
// query, under 5 ms). A measurement, not a test: a throw-away PostgreSQL database, migrated and seeded;
// 1,000,000 notifications generated in one statement over 1,000 staff users (a tenth of them unread), plus
// one heavy recipient with 50,000 (5,000 unread); then the count query timed per recipient (median and 95th
// percentile over many runs) with its EXPLAIN, which must show Notification_unread_idx. Exits 0 unless it
// could not complete.
//
//   BENCH_DATABASE_URL       admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NOTIFICATIONS      rows to generate (default 1,000,000)
//   BENCH_KEEP=1             keeps the database afterwards
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { createTicket } from "../lib/tickets/create-ticket";
import { actorOf } from "../lib/actor";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { fmt } from "./bench-figures";

const ROWS = Number(process.env.BENCH_NOTIFICATIONS ?? 1_000_000);
const STAFF = 1_000;
const HEAVY = 50_000;
const RUNS = 300;
const TARGET_MS = 5;

/** The bell's query, exactly as the unread count asks it. */
const UNREAD_COUNT = `SELECT count(*) FROM "Notification" WHERE "recipientId" = $1 AND "readAt" IS NULL`;

const database = throwAwayDatabase("t_bench_notif");
let opened: OpenedDatabase | undefined;
let pool: pg.Pool | undefined;
let created = false;

const log = (line: string) => console.log(line);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function cleanup(): Promise<string> {
  await pool?.end().catch(() => {});
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (created && process.env.BENCH_KEEP === "1") return `kept ${database.url}`;
  if (created) await database.admin(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  return `dropped ${database.name}`;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  log("Tierdesk notifications benchmark (issue 14): the unread count");
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}; load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine)`);
  await database.admin(`CREATE DATABASE "${database.name}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: database.url });
  await applyMigrations(opened.connection.factory);
  installProcessDatabase(opened);
  await seedDemoData(opened.db);
  const customer = await opened.db.user.findUniqueOrThrow({ where: { userId: "C1001" } });
  const tickets = [];
  for (let i = 0; i < 20; i++) {
    tickets.push((await createTicket(actorOf(customer), { type: "INCIDENT", title: `Bench ${i}`, description: "Bench ticket.", category: "platform" })).number);
  }

  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const sql = pool;
  let t = performance.now();
  await sql.query(
    `INSERT INTO "User" (id, "userId", name, role, tier, "secretHash", "updatedAt")
     SELECT 'bench-staff-' || g, 'bench-staff-' || g, 'Bench Staff ' || g, 'AGENT', 'L1', 'not-used', now() FROM generate_series(1, $1::int) g`,
    [STAFF],
  );
  // The load is not what is measured: the mail trigger is off while it runs (these kinds mail nobody anyway).
  await sql.query(`ALTER TABLE "Notification" DISABLE TRIGGER "Notification_mail"`);
  const ticketIds = (await sql.query<{ id: number }>(`SELECT id FROM "Ticket" ORDER BY id`)).rows.map((r) => r.id);
  await sql.query(
    `INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "occurrence", "headline", "sentence", "createdAt", "readAt")
     SELECT CASE WHEN g <= $2 THEN 'bench-staff-1' ELSE 'bench-staff-' || (2 + g % ($3::int - 1)) END,
       'GROUP_QUEUE', 'MY_GROUP', ($4::int[])[1 + g % array_length($4::int[], 1)], 'bench:' || g,
       'Waiting in your group''s queue', 'Escalated to L2 Platform Support by Lena First after 12 min at L1. Reason: needs a database check.',
       now() - (g || ' seconds')::interval,
       CASE WHEN g % 10 = 0 THEN NULL ELSE now() END
     FROM generate_series(1, $1::int) g`,
    [ROWS, HEAVY, STAFF, ticketIds],
  );
  await sql.query(`ALTER TABLE "Notification" ENABLE TRIGGER "Notification_mail"`);
  await sql.query(`VACUUM ANALYZE "Notification"`);
  const total = (await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Notification"`)).rows[0]!.n;
  log(`setup: ${fmt(Number(total))} notifications for ${fmt(STAFF)} staff users generated and analyzed in ${fmt((performance.now() - t) / 1000, 1)} s`);

  const cases = [
    { label: "a typical recipient (~950 notifications, ~95 unread)", id: "bench-staff-500" },
    { label: `the heaviest recipient (${fmt(HEAVY)}, ${fmt(HEAVY / 10)} unread)`, id: "bench-staff-1" },
    { label: "a recipient with none", id: (await sql.query<{ id: string }>(`SELECT id FROM "User" WHERE "userId" = 'manager'`)).rows[0]!.id },
  ];
  const client = await sql.connect();
  let verdict = true;
  try {
    for (const c of cases) {
      const count = (await client.query<{ count: string }>({ name: "unread", text: UNREAD_COUNT, values: [c.id] })).rows[0]!.count;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        await client.query({ name: "unread", text: UNREAD_COUNT, values: [c.id] });
        times.push(performance.now() - t);
      }
      const median = percentile(times, 0.5);
      verdict &&= median < TARGET_MS;
      log(`\n${c.label}: unread ${count}; median ${fmt(median, 3)} ms, p95 ${fmt(percentile(times, 0.95), 3)} ms over ${RUNS} runs (round trip included); target < ${TARGET_MS} ms: ${median < TARGET_MS ? "PASS" : "MISS"}`);
      const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${UNREAD_COUNT.replace("$1", `'${c.id}'`)}`);
      for (const row of plan.rows) log(`  ${row["QUERY PLAN"]}`);
      if (!plan.rows.some((r) => r["QUERY PLAN"].includes("Notification_unread_idx"))) log("  ! the plan does not use Notification_unread_idx");
    }
  } finally {
    client.release();
  }
  log(`\nunread count at ${fmt(Number(total))} notifications: ${verdict ? "PASS" : "MISS"} (< ${TARGET_MS} ms median for every recipient); load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await runBenchmark(main, cleanup);
