// npm run bench:webhooks: what outbound webhooks cost (issue 16 §3). A measurement, not a test, on a
// throw-away PostgreSQL database, migrated and seeded:
// 1. the enqueue trigger: one statement writing 1,000 ALERT events (as the sweep does), median of 7 runs,
//    with no active endpoint, then with 3 active endpoints subscribed to sla.alert (3,000 deliveries queued
//    in the same statement);
// 2. the worker: those 3,000 deliveries sent to a receiver on 127.0.0.1 by 3 workers at once, until none is
//    due: the time, the rate and that each webhook-id arrived once per endpoint. Exits 0 unless it could not complete.
//
//   BENCH_DATABASE_URL       admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_KEEP=1             keeps the database afterwards
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { actorOf } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { createTicket } from "../lib/tickets/create-ticket";
import { createWebhook } from "../lib/webhooks/create-webhook";
import { deliverWebhooks } from "../lib/webhooks/deliver-webhooks";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";

const EVENTS = 1_000;
const RUNS = 7;
const ENDPOINTS = 3;

const database = throwAwayDatabase("t_bench_webhooks");
let opened: OpenedDatabase | undefined;
let server: http.Server | undefined;
let created = false;

const log = (line: string) => console.log(line);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function cleanup(): Promise<string> {
  server?.closeAllConnections();
  server?.close();
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (created && process.env.BENCH_KEEP === "1") return `kept ${database.url}`;
  if (created) await database.admin(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  return `dropped ${database.name}`;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  log("Tierdesk webhooks benchmark (issue 16)");
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}; load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine)`);
  await database.admin(`CREATE DATABASE "${database.name}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: database.url });
  await applyMigrations(opened.connection.factory);
  installProcessDatabase(opened);
  const db = opened.db;
  await seedDemoData(db);
  const customer = actorOf(await db.user.findUniqueOrThrow({ where: { userId: "C1001" } }));
  const admin = actorOf(await db.user.findUniqueOrThrow({ where: { userId: "admin" } }));
  const ticket = await createTicket(customer, { type: "INCIDENT", title: "Bench", description: "Bench", category: "platform", impact: "LOW", urgency: "LOW" });
  const { id: ticketId } = await db.ticket.findUniqueOrThrow({ where: { number: ticket.number } });
  const writeEvents = async () => {
    const started = performance.now();
    await db.$executeRaw`
      INSERT INTO "TicketEvent" ("ticketId", "type", "rule", "reason", "createdAt")
      SELECT ${ticketId}, 'ALERT', 'sla.resolution-75', 'Bench alert', now() FROM generate_series(1, ${EVENTS}::int)`;
    return performance.now() - started;
  };

  const without = [];
  for (let i = 0; i < RUNS; i++) without.push(await writeEvents());
  await db.webhookDelivery.deleteMany();

  const received = new Map<string, number>();
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const key = `${req.url} ${req.headers["webhook-id"]}`;
      received.set(key, (received.get(key) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  for (let i = 0; i < ENDPOINTS; i++) await createWebhook(admin, { url: `http://127.0.0.1:${port}/endpoint-${i}`, events: ["sla.alert"] });
  const withEndpoints = [];
  for (let i = 0; i < RUNS; i++) {
    withEndpoints.push(await writeEvents());
    if (i < RUNS - 1) await db.webhookDelivery.deleteMany();
  }
  log(`enqueue: ${EVENTS.toLocaleString("en")} ALERT events in one INSERT, median of ${RUNS}: ${median(without).toFixed(1)} ms with no active endpoint, ` +
    `${median(withEndpoints).toFixed(1)} ms with ${ENDPOINTS} subscribed (${(EVENTS * ENDPOINTS).toLocaleString("en")} deliveries queued in the same statement)`);

  const queued = await db.webhookDelivery.count({ where: { status: "PENDING" } });
  const started = performance.now();
  let rounds = 0;
  for (;;) {
    const results = await Promise.all([1, 2, 3].map(() => deliverWebhooks({ allowPrivate: true })));
    rounds++;
    if (results.every((r) => r.succeeded + r.retried + r.failed === 0)) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const succeeded = await db.webhookDelivery.count({ where: { status: "SUCCEEDED" } });
  const duplicates = [...received.values()].filter((n) => n > 1).length;
  log(`delivery: ${queued.toLocaleString("en")} deliveries by 3 workers at once (batches of 10, sent side by side) in ${seconds.toFixed(1)} s, ` +
    `${Math.round(queued / seconds).toLocaleString("en")}/s, ${rounds} rounds; ${succeeded.toLocaleString("en")} succeeded, ${received.size.toLocaleString("en")} distinct (endpoint, webhook-id) received, ${duplicates} received twice`);
  if (succeeded !== queued || received.size !== queued || duplicates) throw new Error("Not every delivery arrived exactly once.");
}

await runBenchmark(main, cleanup);
