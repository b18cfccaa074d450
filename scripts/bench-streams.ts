// npm run bench:streams: 500 live update streams (GET /api/v1/stream) open on one app instance over a throw-away
// PostgreSQL database. It reports what they cost the server (RSS and heap after a full GC, before and with them
// open), that an idle system runs no database query for them (the database's committed transactions over a
// window of heartbeats, from pg_stat_database), that the instance holds one LISTEN connection, and the push
// latency from COMMIT to the event arriving on the streams, for 40 changes.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { buildIfStale, signIn, stopAppServer } from "./bench-app-server";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { TS_SCRIPT_ARGS } from "./node-args";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 500);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 40);
const HEARTBEAT_SECONDS = 5;
const IDLE_WINDOW_MS = 30_000;
/** PostgreSQL 15 flushes an idle backend's statistics within 10 s: wait that long before each reading. */
const STATS_FLUSH_MS = 11_000;
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const BASE = `http://127.0.0.1:${PORT}`;

const database = throwAwayDatabase("t_bench_streams");
let created = false;
let server: ChildProcess | undefined;
const streams: Stream[] = [];
let sql: pg.Pool | undefined;

const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  collected: boolean;
  /** Streams open on the server, as lib/live's openStreamCount() says. */
  openStreams: number;
}

/** One open stream as a browser would hold it: the events it got, with their arrival times. */
interface Stream {
  user: string;
  request: http.ClientRequest;
  ready: Promise<void>;
  heartbeats: number;
  /** Ticket number → when an event naming it arrived (first time). */
  arrivals: Map<string, number>;
}

function openStream(cookie: string, user: string): Stream {
  let markReady!: () => void;
  let fail!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  const stream: Stream = { user, request: undefined as unknown as http.ClientRequest, ready, heartbeats: 0, arrivals: new Map() };
  let buffer = "";
  stream.request = http.get({ host: "127.0.0.1", port: PORT, path: "/api/v1/stream", headers: { cookie, accept: "text/event-stream" }, agent: false }, (response) => {
    if (response.statusCode !== 200) {
      fail(new Error(`GET /api/v1/stream answered ${response.statusCode}`));
      response.resume();
      return;
    }
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (frame.startsWith(":")) stream.heartbeats += 1;
        else if (frame.includes("event: ready")) markReady();
        else {
          const number = /"number":"([A-Z]+-\d+)"/.exec(frame)?.[1];
          if (number && !stream.arrivals.has(number)) stream.arrivals.set(number, at);
        }
      }
    });
  });
  stream.request.on("error", (error) => fail(error));
  return stream;
}

function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--expose-gc", ...TS_SCRIPT_ARGS, "scripts/bench-streams-server.ts"], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: `bench-streams-only-${randomBytes(24).toString("hex")}`,
      NEXTAUTH_URL: BASE,
      NEXT_TELEMETRY_DISABLED: "1",
      // Nothing in the background: whatever the database does in the idle window is the streams' doing.
      TIERDESK_SWEEP_SECONDS: "0",
      TIERDESK_MAIL_SECONDS: "0",
      TIERDESK_WEBHOOK_SECONDS: "0",
      TIERDESK_ATTACHMENT_SWEEP_SECONDS: "0",
      TIERDESK_PURGE_SECONDS: "0",
      TIERDESK_STREAM_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
    },
  });
  return (async () => {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The app server exited with ${child.exitCode}.`);
      try {
        if ((await fetch(`${BASE}/login`)).ok) return child;
      } catch {
        // not listening yet
      }
      await wait(250);
    }
    child.kill("SIGTERM");
    throw new Error("The app server did not answer within 90 s.");
  })();
}

function serverMemory(): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The server did not report its memory.")), 10_000);
    server!.once("message", (message) => {
      clearTimeout(timer);
      resolve(message as Memory);
    });
    server!.send("memory");
  });
}

async function customerSignIn(userId: string, pin: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/customer`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, userId, pin, json: "true" }),
  });
  for (const line of response.headers.getSetCookie()) jar.push(line.split(";")[0]!);
  return jar.join("; ");
}

async function committedTransactions(): Promise<number> {
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: string }>(`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1`, [database.name]);
    return Number(rows[0]!.n);
  } finally {
    await admin.end();
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk live update streams (issue 17): ${STREAMS} streams on one instance`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine)`);

  await database.admin(`CREATE DATABASE "${database.name}"`);
  created = true;
  const opened = createDatabase({ kind: "postgres", url: database.url });
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  await opened.close();
  sql = new pg.Pool({ connectionString: database.url, max: 2, application_name: "bench" });
  sql.on("error", () => {});

  buildIfStale(log);
  server = await startServer(database.url);
  log(`server: scripts/serve.ts on ${BASE} over PostgreSQL ${database.name} (throw-away); background jobs off, heartbeat every ${HEARTBEAT_SECONDS} s`);

  const users: [string, string][] = [
    ["l1agent", await signIn(BASE, "l1agent", "l1agent-demo-pass")],
    ["l2agent", await signIn(BASE, "l2agent", "l2agent-demo-pass")],
    ["manager", await signIn(BASE, "manager", "manager-demo-pass")],
    ["C1001", await customerSignIn("C1001", "246810")],
  ];

  // Warm up: every module the stream route loads, and the hub's LISTEN connection, before the baseline.
  const warm = users.map(([user, cookie]) => openStream(cookie, user));
  await Promise.all(warm.map((s) => s.ready));
  for (const s of warm) s.request.destroy();
  await wait(1_000);
  const before = await serverMemory();
  log(`\nmemory of the server process after a full GC${before.collected ? "" : " (no GC exposed: figures include garbage)"}:`);
  log(`  no stream open:        RSS ${mb(before.rss)}, heap used ${mb(before.heapUsed)}, external ${mb(before.external)}`);

  const t = performance.now();
  for (let i = 0; i < STREAMS; i++) {
    const [user, cookie] = users[i % users.length]!;
    streams.push(openStream(cookie, user));
    if (i % 50 === 49) await Promise.all(streams.slice(i - 49, i + 1).map((s) => s.ready));
  }
  await Promise.all(streams.map((s) => s.ready));
  log(`  (${STREAMS} streams opened and ready in ${((performance.now() - t) / 1000).toFixed(1)} s, ${users.length} people: an L1 agent, an L2 agent, a manager, a customer)`);
  await wait(2_000);
  const open = await serverMemory();
  const rssDelta = open.rss - before.rss;
  log(`  ${STREAMS} streams open:      RSS ${mb(open.rss)}, heap used ${mb(open.heapUsed)}, external ${mb(open.external)} (openStreamCount() on the server: ${open.openStreams})`);
  log(`  cost of ${STREAMS} streams:     RSS +${mb(rssDelta)}, heap +${mb(open.heapUsed - before.heapUsed)} (${((rssDelta / STREAMS) / 1024).toFixed(0)} KB RSS a stream; target: under 100 MB for 500) ${rssDelta < 100 * 2 ** 20 ? "✓" : "✗"}`);

  const connections = (
    await sql.query<{ listen: number; total: number }>(
      `SELECT count(*) FILTER (WHERE query ILIKE 'LISTEN%')::int AS listen, count(*)::int AS total FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'bench'`,
    )
  ).rows[0]!;
  log(`\nconnections of the instance to the database: ${connections.total} (${connections.listen} LISTEN, the rest the query pool)`);

  log(`\nidle: ${STREAMS} streams open, nothing changing, for ${IDLE_WINDOW_MS / 1000} s (statistics read ${STATS_FLUSH_MS / 1000} s after each edge, so every backend has flushed):`);
  await wait(STATS_FLUSH_MS);
  const xactBefore = await committedTransactions();
  const heartbeatsBefore = streams.reduce((n, s) => n + s.heartbeats, 0);
  await wait(IDLE_WINDOW_MS);
  const heartbeats = streams.reduce((n, s) => n + s.heartbeats, 0) - heartbeatsBefore;
  await wait(STATS_FLUSH_MS);
  const xactAfter = await committedTransactions();
  log(`  heartbeat comments received by the streams: ${heartbeats}`);
  log(`  transactions committed on the database in the window (pg_stat_database.xact_commit): ${xactAfter - xactBefore} ${xactAfter - xactBefore === 0 ? "✓ no query per stream" : "✗"}`);
  log(`  (every statement the app runs is a transaction there; pg_stat_statements is not loaded on this server, so this counts them all)`);

  // Push latency: each change is a committed transaction that writes a decision-log event, as the services do.
  const customerId = (await sql.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "userId" = 'C1001'`)).rows[0]!.id;
  const managerId = (await sql.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "userId" = 'manager'`)).rows[0]!.id;
  const customerCookie = users[3]![1];
  const numbers: string[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const response = await fetch(`${BASE}/api/v1/tickets`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: customerCookie, Origin: BASE },
      body: JSON.stringify({ type: "INCIDENT", title: `Bench stream ${i}`, description: "Pushed.", category: "platform" }),
    });
    if (response.status !== 201) throw new Error(`Opening a ticket answered ${response.status}: ${await response.text()}`);
    numbers.push(((await response.json()) as { ticket: { number: string } }).ticket.number);
  }
  await wait(2_000);
  for (const s of streams) s.arrivals.clear();
  // The L1 agent's, the manager's and the customer's streams get each change (L1 queue, all queues, own ticket); the L2 agent's do not.
  const receivers = streams.filter((s) => s.user !== "l2agent");
  const first: number[] = [];
  const all: number[] = [];
  const client = await sql.connect();
  try {
    for (const number of numbers) {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: number }>(`UPDATE "Ticket" SET "version" = "version" + 1, "status" = 'IN_PROGRESS' WHERE "number" = $1 AND "customerId" = $2 RETURNING "id"`, [number, customerId]);
      await client.query(
        `INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt") VALUES ($1, 'STATUS_CHANGED', $2, 'L1', 'L1', 'bench', '{"from":"NEW","to":"IN_PROGRESS"}', 'Benchmark change.', now())`,
        [rows[0]!.id, managerId],
      );
      const committedAt = performance.now();
      await client.query("COMMIT");
      const deadline = performance.now() + 10_000;
      while (receivers.some((s) => !s.arrivals.has(number)) && performance.now() < deadline) await wait(2);
      const arrivals = receivers.map((s) => s.arrivals.get(number)).filter((a): a is number => a !== undefined);
      if (arrivals.length < receivers.length) log(`  ! ${number}: ${receivers.length - arrivals.length} streams got nothing within 10 s`);
      first.push(Math.min(...arrivals) - committedAt);
      all.push(Math.max(...arrivals) - committedAt);
      await wait(50);
    }
  } finally {
    client.release();
  }
  const wrong = streams.filter((s) => s.user === "l2agent" && s.arrivals.size > 0).length;
  log(`\npush latency, COMMIT sent → event received on loopback, ${CHANGES} changes, each to ${receivers.length} of the ${STREAMS} streams (the benchmark's own parsing included):`);
  log(`  first stream: p50 ${percentile(first, 50).toFixed(1)} ms, p95 ${percentile(first, 95).toFixed(1)} ms`);
  log(`  all ${receivers.length} streams: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms`);
  log(`  streams that may not see the changes (the L2 agent's) and got one: ${wrong}`);

  for (const s of streams) s.request.destroy();
  await wait(2_000);
  const after = await serverMemory();
  log(`\nafter the clients closed them: RSS ${mb(after.rss)}, heap used ${mb(after.heapUsed)}, openStreamCount() ${after.openStreams}`);
}

await runBenchmark(main, async () => {
  for (const s of streams) s.request.destroy();
  await sql?.end().catch(() => {});
  await stopAppServer(server);
  if (created) await database.admin(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  return created ? `dropped ${database.name}` : "nothing to drop";
});
