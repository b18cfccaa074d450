// npm run bench:major-incident: a major incident's public update fanned out to 1,000 children (issue 15):
// the app's ONE statement (lib/incidents/fan-out.ts: copies the comment onto each open child, mails each
// child's customer, logs a COMMENTED event per child, drops held status mails) beside a raw INSERT of the
// same 1,000 comments and 1,000 mails with every value precomputed (no lookups, no unique checks beyond the
// keys, no events). Several alternating rounds on one connection, each statement in a transaction rolled
// back afterwards so every round meets the same tables; medians and their ratio printed. Also the EXPLAIN of
// the queue's child count (one grouped read on the (majorIncidentId, status) index). A measurement, not a test.
//
//   BENCH_DATABASE_URL   admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_CHILDREN       children (default 1,000)
//   BENCH_ROUNDS         alternating rounds (default 7)
//   BENCH_KEEP=1         keeps the database afterwards
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { actorOf } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { fanOutUpdateSql } from "../lib/incidents/fan-out.sql";
import { declareMajorIncident } from "../lib/incidents/major-incident";
import { seedDemoData } from "../lib/seed/demo-data";
import { createTicket } from "../lib/tickets/create-ticket";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { fmt } from "./bench-figures";

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const OTHER_TICKETS = 20_000;
const BODY = "Update: the load balancer in region eu-west is being replaced. Next update within 30 minutes. 🚧";

const database = throwAwayDatabase("t_bench_mi");
let opened: OpenedDatabase | undefined;
let pool: pg.Pool | undefined;
let created = false;

const log = (line: string) => console.log(line);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
  log(`Tierdesk major-incident fan-out benchmark (issue 15): one update to ${fmt(CHILDREN)} children`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}; load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine)`);
  await database.admin(`CREATE DATABASE "${database.name}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: database.url });
  await applyMigrations(opened.connection.factory);
  installProcessDatabase(opened);
  await seedDemoData(opened.db);
  const customer = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "C1001" } }));
  const manager = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "manager" } }));
  const parentNumber = (await createTicket(customer, { type: "INCIDENT", title: "Platform unreachable", description: "Outage.", category: "platform" })).number;
  await declareMajorIncident(manager, parentNumber);

  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const client = await pool.connect();
  try {
    const t = performance.now();
    // 1,000 customers with addresses, each with one child ticket copied from the parent's row.
    await client.query(
      `INSERT INTO "User" (id, "userId", name, role, "secretHash", email, "updatedAt")
       SELECT 'bench-c-' || g, 'BC' || g, 'Bench Customer ' || g, 'CUSTOMER', 'not-used', 'bench' || g || '@example.test', now() FROM generate_series(1, $1::int) g`,
      [CHILDREN],
    );
    const parent = (await client.query<{ id: number }>(`SELECT id FROM "Ticket" WHERE number = $1`, [parentNumber])).rows[0]!;
    const columns = (
      await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Ticket' AND column_name NOT IN ('id', 'number', 'customerId', 'majorIncidentId', 'isMajorIncident', 'title')`,
      )
    ).rows.map((r) => `"${r.column_name}"`);
    await client.query(
      `INSERT INTO "Ticket" ("number", "title", "customerId", "majorIncidentId", "isMajorIncident", ${columns.join(", ")})
       SELECT 'INC-9' || lpad(g::text, 6, '0'), 'Cannot reach the platform ' || g, 'bench-c-' || g, p.id, false, ${columns.map((c) => `p.${c}`).join(", ")}
       FROM "Ticket" p, generate_series(1, $2::int) g WHERE p.id = $1`,
      [parent.id, CHILDREN],
    );
    // Ordinary tickets beside them, so the queue's child count meets a table where children are few.
    await client.query(
      `INSERT INTO "Ticket" ("number", "title", "customerId", "majorIncidentId", "isMajorIncident", ${columns.join(", ")})
       SELECT 'INC-8' || lpad(g::text, 6, '0'), 'Ordinary ticket ' || g, 'bench-c-' || (1 + g % $2::int), NULL, false, ${columns.map((c) => `p.${c}`).join(", ")}
       FROM "Ticket" p, generate_series(1, $3::int) g WHERE p.id = $1`,
      [parent.id, CHILDREN, OTHER_TICKETS],
    );
    await client.query(`VACUUM ANALYZE "Ticket"`);
    await client.query(`VACUUM ANALYZE "User"`);
    log(`setup: ${fmt(CHILDREN)} children of ${parentNumber}, each its own customer, and ${fmt(OTHER_TICKETS)} ordinary tickets, in ${fmt((performance.now() - t) / 1000, 1)} s`);

    const children = (await client.query<{ id: number; number: string; title: string; email: string }>(
      `SELECT t.id, t.number, t.title, u.email FROM "Ticket" t JOIN "User" u ON u.id = t."customerId" WHERE t."majorIncidentId" = $1 ORDER BY t.id`,
      [parent.id],
    )).rows;
    const managerId = manager.id;

    const fanOut = async (round: number) => {
      await client.query("BEGIN");
      const comment = (await client.query<{ id: number }>(
        `INSERT INTO "Comment" ("ticketId", "authorId", visibility, body, "createdAt") VALUES ($1, $2, 'PUBLIC', $3, now()) RETURNING id`,
        [parent.id, managerId, `${BODY} (${round})`],
      )).rows[0]!;
      const sql = fanOutUpdateSql({ parentId: parent.id, parentNumber, commentId: comment.id, body: `${BODY} (${round})`, authorId: managerId, authorName: manager.name }, new Date());
      const start = performance.now();
      const result = (await client.query<{ copied: number; mailed: number; logged: number }>(sql.text, sql.values as unknown[])).rows[0]!;
      const ms = performance.now() - start;
      await client.query("ROLLBACK");
      if (result.copied !== CHILDREN || result.mailed !== CHILDREN || result.logged !== CHILDREN) throw new Error(`fan-out wrote ${JSON.stringify(result)}`);
      return ms;
    };
    const raw = async (round: number) => {
      const ids = children.map((c) => c.id);
      const subjects = children.map((c) => `[${c.number}] New reply: ${c.title}`);
      const bodies = children.map((c) => `${manager.name} replied to your ticket ${c.number}:\n\n${BODY} (${round})\n\nStatus: Received\n\nView the ticket: http://localhost:3000/portal/tickets/${c.number}\n`);
      const addresses = children.map((c) => c.email);
      await client.query("BEGIN");
      const start = performance.now();
      await client.query(
        `WITH c AS (
           INSERT INTO "Comment" ("ticketId", "authorId", visibility, body, "createdAt")
           SELECT u.id, $2, 'PUBLIC', $3, now() FROM unnest($1::int[]) AS u(id)
           RETURNING id, "ticketId")
         INSERT INTO "OutboxMessage" ("ticketId", "toAddress", subject, body, "dedupeKey", "nextAttemptAt", "createdAt")
         SELECT m.id, m.address, m.subject, m.body, 'raw:' || $7::int || ':' || m.id, now(), now()
         FROM unnest($1::int[], $4::text[], $5::text[], $6::text[]) AS m(id, address, subject, body)`,
        [ids, managerId, `${BODY} (${round})`, addresses, subjects, bodies, round],
      );
      const ms = performance.now() - start;
      await client.query("ROLLBACK");
      return ms;
    };

    await fanOut(0); // warm-up: plans and caches
    await raw(0);
    const app: number[] = [];
    const baseline: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      if (round % 2) {
        app.push(await fanOut(round));
        baseline.push(await raw(round));
      } else {
        baseline.push(await raw(round));
        app.push(await fanOut(round));
      }
      log(`round ${round}: fan-out ${fmt(app.at(-1)!, 1)} ms, raw INSERT ${fmt(baseline.at(-1)!, 1)} ms`);
    }
    const a = median(app);
    const b = median(baseline);
    log(`\nfan-out to ${fmt(CHILDREN)} children, ONE statement (comments + mails + events + held-mail drop): median ${fmt(a, 1)} ms over ${ROUNDS} rounds`);
    log(`raw INSERT of the same ${fmt(CHILDREN)} comments and ${fmt(CHILDREN)} mails, values precomputed: median ${fmt(b, 1)} ms`);
    log(`ratio fan-out / raw: ${fmt(a / b, 2)}× (the fan-out also writes ${fmt(CHILDREN)} COMMENTED events and checks the unique keys)`);

    const plan = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT "majorIncidentId", count(*) FROM "Ticket" WHERE "majorIncidentId" IN ($1) GROUP BY "majorIncidentId"`,
      [parent.id],
    );
    log("\nthe queue's child count for a page's major incidents:");
    for (const row of plan.rows) log(`  ${row["QUERY PLAN"]}`);
  } finally {
    client.release();
  }
  log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await runBenchmark(main, cleanup);
