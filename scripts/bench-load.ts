// npm run bench:load: a day's mix on two app instances sharing one PostgreSQL database (issue 17 §5).
//
// A measurement, not a test. It creates a throw-away database with 100,000 open tickets (bench:pages' loader),
// starts two production servers (scripts/serve.ts) on it with the same secret, attachments directory and SMTP
// sink, the sweep and the mail worker running on both, signs every person in once through the real login
// form, waits for the sweep to catch up with the loaded data, and then for BENCH_SECONDS (120) runs:
//   200 agents (L1 140, L2 40, L3 20) with their stream open, looking at their queue now and then;
//   20 agents (L1 12, L2 5, L3 3) taking tickets from their queue: open, claim, reply (a third also write an
//     internal note that @mentions a colleague), escalate (L3: resolve);
//   50 customers with their stream open, opening tickets and replying on the portal;
//   the sweep with tickets reaching their L1 budget and 75 % of their resolution target inside the window;
// each browser on one instance, half on each. It prints requests, errors and p50/p95/p99 per route, the push
// latency (commit → event at the stream client), each instance's CPU and memory, the database's share, the
// raw SQL floor, then counts lost and duplicated notifications and mails. It stops everything and drops the
// database on success, failure or interruption.
//
//   BENCH_SECONDS            the measured window (default 120)
//   BENCH_TICKETS            open tickets to load (default 100,000)
//   BENCH_PORTS              the two instances' ports (default 3231,3232)
//   BENCH_VIEW_SECONDS       mean seconds between a viewer's looks at the queue (default 30)
//   BENCH_THINK_SECONDS      mean seconds a worker spends between steps on a ticket (default 3)
//   BENCH_CUSTOMER_SECONDS   mean seconds between a customer's visits (default 45)
//   BENCH_SWEEP_RATE         sweep escalations and alerts per second each, due inside the window (default 1)
//   BENCH_SWEEP_SECONDS, BENCH_MAIL_SECONDS   the instances' sweep and mail worker intervals (default 5 and 2)
//   BENCH_SIGN_IN=token      sign in one staff member and one customer per instance through the form, and give
//                            the others the session cookie next-auth writes (quicker while developing)
//   BENCH_PROFILE=1          run instance A under node --cpu-prof and print where its CPU went in the window
//   BENCH_DATABASE_URL       admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import pg from "pg";
import { createDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { buildIfStale, startAppServer, stopAppServer } from "./bench-app-server";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { runCustomer, runViewer, runWorker, warmUp, type LoadContext, type Person } from "./bench-load/actors";
import { AGENT_TIERS, benchPeople, loadDay, MIX, scheduleSweepWork, type AgentTier, type BenchPerson } from "./bench-load/data";
import { instanceAt, type Instance } from "./bench-load/http-client";
import { MachineSampler, ProcessSampler, ProcessSetCpu, residentMiB } from "./bench-load/proc-sampler";
import { summarizeProfile } from "./bench-load/cpu-profile";
import { PushLog } from "./bench-load/push-log";
import { queueStatements, ticketStatements, timeStatements } from "./bench-load/raw-reference";
import { countMails, countNotifications, pushLatency } from "./bench-load/reconcile";
import { percentile, Recorder } from "./bench-load/recorder";
import { fmt, latencyTable, mailLines, notificationLines, processLine, PUSH_P95_TARGET_MS, READ_P95_TARGET_MS, routeTable, TARGET_READS } from "./bench-load/report";
import { mintSession, sessionClaims, signInThroughForm, type SignInMode } from "./bench-load/sessions";
import { startSmtpSink, type SmtpSink } from "./bench-load/smtp-sink";
import { StreamClient } from "./bench-load/stream-client";

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = env("BENCH_SECONDS", 120);
const TICKETS = env("BENCH_TICKETS", 100_000);
const PORTS = (process.env.BENCH_PORTS ?? "3231,3232").split(",").map(Number) as [number, number];
const PACE = { viewSeconds: env("BENCH_VIEW_SECONDS", 30), workerThinkSeconds: env("BENCH_THINK_SECONDS", 3), customerSeconds: env("BENCH_CUSTOMER_SECONDS", 45) };
const SWEEP_RATE = env("BENCH_SWEEP_RATE", 1);
const SWEEP_SECONDS = env("BENCH_SWEEP_SECONDS", 5);
const MAIL_SECONDS = env("BENCH_MAIL_SECONDS", 2);
const SIGN_INS_PER_INSTANCE = 3;
const WARM_UP_ROUNDS = 3;
const PROFILE_DIR = process.env.BENCH_PROFILE === "1" ? mkdtempSync(path.join(os.tmpdir(), "tierdesk-bench-load-profile-")) : null;
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const SIGN_IN: SignInMode = process.env.BENCH_SIGN_IN === "token" ? "token" : "form";

const database = throwAwayDatabase("load_bench");
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const countBy = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
const seconds = (startMs: number) => `${fmt((performance.now() - startMs) / 1000, 1)} s`;

// ---- cleanup -----------------------------------------------------------------------------------------

let created = false;
let opened: OpenedDatabase | undefined;
let sql: pg.Pool | undefined;
const servers: ChildProcess[] = [];
let sink: SmtpSink | undefined;
const streams: StreamClient[] = [];
const attachmentsDir = mkdtempSync(path.join(os.tmpdir(), "tierdesk-bench-load-"));

async function cleanup(): Promise<string> {
  for (const stream of streams) stream.close();
  await Promise.all(servers.map((s) => stopAppServer(s)));
  await sink?.close().catch(() => {});
  await sql?.end().catch(() => {});
  await opened?.close().catch(() => {});
  if (created) await database.admin(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  rmSync(attachmentsDir, { recursive: true, force: true });
  if (PROFILE_DIR) rmSync(PROFILE_DIR, { recursive: true, force: true });
  return `stopped both servers and the SMTP sink, dropped ${database.name}, removed ${attachmentsDir}`;
}

// ---- phases ------------------------------------------------------------------------------------------

async function prepareDatabase(): Promise<void> {
  const t = performance.now();
  await database.admin(`CREATE DATABASE "${database.name}"`);
  created = true;
  opened = createDatabase({ kind: "postgres", url: database.url });
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  await opened.close();
  opened = undefined;
  sql = new pg.Pool({ connectionString: database.url, max: 3 });
  sql.on("error", () => {});
  await loadDay(sql, TICKETS, new Date());
  const [counts] = (await sql.query<{ tickets: number; events: number; users: number }>(
    `SELECT (SELECT count(*)::int FROM "Ticket") AS tickets, (SELECT count(*)::int FROM "TicketEvent") AS events, (SELECT count(*)::int FROM "User") AS users`,
  )).rows;
  log(`database: ${database.name} (throw-away): ${fmt(counts!.tickets)} tickets, ${fmt(counts!.events)} events, ${fmt(counts!.users)} people, loaded in ${seconds(t)}`);
}

/** What the instances wrote to stderr: failed job runs, errors behind a 500, warnings. */
const serverLog: { instance: string; line: string; inWindow: boolean }[] = [];

async function startInstances(secret: string, recorder: Recorder): Promise<Instance[]> {
  const t = performance.now();
  const instances = PORTS.map((port, i) => instanceAt(i === 0 ? "A" : "B", port));
  const started = await Promise.all(
    instances.map((instance) =>
      startAppServer({
        port: instance.port,
        databaseUrl: database.url,
        name: "bench-load",
        onStderr: (line) => serverLog.push({ instance: instance.name, line, inWindow: recorder.counting }),
        // Profiling costs CPU of its own: instance A only, and only when asked.
        nodeArgs: PROFILE_DIR && instance.name === "A" ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
        env: {
          NEXTAUTH_SECRET: secret,
          ATTACHMENTS_DIR: attachmentsDir,
          SMTP_URL: sink!.url,
          TIERDESK_SWEEP_SECONDS: String(SWEEP_SECONDS),
          TIERDESK_MAIL_SECONDS: String(MAIL_SECONDS),
        },
      }),
    ),
  );
  servers.push(...started);
  log(`instances: A on :${PORTS[0]} (pid ${started[0]!.pid}), B on :${PORTS[1]} (pid ${started[1]!.pid}); same secret, attachments directory and SMTP sink; sweep every ${SWEEP_SECONDS} s, mail every ${MAIL_SECONDS} s on both; up in ${seconds(t)}`);
  return instances;
}

/**
 * Sessions for everyone (sessions.ts: through the login form, or BENCH_SIGN_IN=token), a few sign-ins at a time per
 * instance (the sign-in gate admits 2 per core), and each person's stream client, not yet open.
 */
async function signEveryoneIn(instances: Instance[], secret: string, recorder: Recorder, pushLog: PushLog): Promise<Person[]> {
  const t = performance.now();
  const people = benchPeople();
  const rows = (await sql!.query<{ id: string; userId: string; name: string }>(`SELECT id, "userId", name FROM "User" WHERE "userId" = ANY($1::text[])`, [people.map((p) => p.userId)])).rows;
  const known = new Map(rows.map((r) => [r.userId, r]));
  const instanceOf = (index: number) => instances[index % instances.length]!;
  const cookies: string[] = new Array(people.length);
  let retries = 0;
  let throughForm = 0;
  const form = async (index: number) => {
    const signed = await signInThroughForm(instanceOf(index), people[index]!);
    cookies[index] = signed.cookie;
    retries += signed.retries;
    throughForm += 1;
  };
  if (SIGN_IN === "form") {
    const queues = instances.map((_, i) => people.map((_p, index) => index).filter((index) => index % instances.length === i));
    const signer = async (queue: number[]) => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) await form(index);
    };
    await Promise.all(queues.flatMap((queue) => Array.from({ length: SIGN_INS_PER_INSTANCE }, () => signer(queue))));
  } else {
    // One staff member and one customer through the form on each instance; the rest minted like theirs.
    const samples = instances.flatMap((_, i) => ["AGENT", "CUSTOMER"].map((role) => people.findIndex((p, index) => p.role === role && index % instances.length === i)));
    for (const index of samples) await form(index);
    const template = await sessionClaims(cookies[samples[0]!]!, secret);
    const mint = async (p: BenchPerson, index: number) => {
      cookies[index] ??= await mintSession(template, { ...p, id: known.get(p.userId)!.id, name: known.get(p.userId)!.name }, secret);
    };
    await Promise.all(people.map(mint));
  }
  const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const signed = people.map((p, index): Person => {
    const id = known.get(p.userId)!.id;
    const instance = instanceOf(index);
    const stream = new StreamClient(instance, cookies[index]!, recorder, (event) => {
      if (event.event === "end") recorder.fail("GET /api/v1/stream (to ready)", 0, `stream of ${p.userId} ended: ${event.data}`);
      pushLog.receive(id, event);
    }, streamAgent);
    streams.push(stream);
    return { ...p, id, instance, cookie: cookies[index]!, stream };
  });
  log(
    `sign-in: ${fmt(throughForm)} of ${fmt(people.length)} people through the login form (${SIGN_INS_PER_INSTANCE} at a time per instance)` +
      `${throughForm < people.length ? `, the other ${fmt(people.length - throughForm)} given the session cookie next-auth writes (BENCH_SIGN_IN=token)` : ""}` +
      `, ${seconds(t)}${retries ? `, ${retries} retried` : ""}; not in the window`,
  );
  return signed;
}

/** Waits until the sweep has caught up with the loaded data and no mail is due: nothing changes over two sweep intervals. */
async function waitForQuiet(): Promise<void> {
  const t = performance.now();
  const state = async () =>
    JSON.stringify(
      (await sql!.query(`SELECT (SELECT max(id) FROM "TicketEvent") AS e, (SELECT count(*) FROM "OutboxMessage" WHERE status = 'PENDING' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')) AS due`)).rows[0],
    );
  let before = await state();
  for (;;) {
    await sleep((SWEEP_SECONDS * 2 + 1) * 1000);
    const now = await state();
    if (now === before && JSON.parse(now).due === "0") break;
    if (performance.now() - t > 300_000) throw new Error("The sweep and the outbox did not settle within 5 minutes.");
    before = now;
  }
  log(`settled: the sweep's catch-up on the loaded data and its mails done in ${seconds(t)} (before the window)`);
}

interface RawFigures {
  queueQuiet: number[];
  ticketQuiet: number[];
  queueLoaded: number[];
}

async function quietReference(agentId: string, groupId: string, number: string): Promise<Pick<RawFigures, "queueQuiet" | "ticketQuiet">> {
  const queueQuiet: number[] = [];
  const ticketQuiet: number[] = [];
  for (let i = 0; i < 23; i++) {
    const q = await timeStatements(sql!, queueStatements(agentId, groupId, "tier", new Date()));
    const t = await timeStatements(sql!, ticketStatements(number));
    if (i < 3) continue; // warm-up
    queueQuiet.push(q);
    ticketQuiet.push(t);
  }
  return { queueQuiet, ticketQuiet };
}

async function openStreams(people: Person[]): Promise<void> {
  const t = performance.now();
  const queue = [...people];
  const failed: string[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) if (!(await p.stream.open())) failed.push(p.userId);
    }),
  );
  if (failed.length) throw new Error(`Streams did not open for ${failed.length} people (${failed.slice(0, 5).join(", ")} …).`);
  log(`streams: ${fmt(people.length)} open (${people.filter((p) => p.instance.name === "A").length} on A, ${people.filter((p) => p.instance.name === "B").length} on B), all ready in ${seconds(t)}`);
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk bench:load (issue 17 §5): a day's mix on two instances, one PostgreSQL database`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared with other work: absolute figures move with it)`);
  log(`mix: ${MIX.viewers.L1 + MIX.viewers.L2 + MIX.viewers.L3} viewers (L1 ${MIX.viewers.L1}, L2 ${MIX.viewers.L2}, L3 ${MIX.viewers.L3}) every ~${PACE.viewSeconds} s; ${MIX.workers.L1 + MIX.workers.L2 + MIX.workers.L3} workers (L1 ${MIX.workers.L1}, L2 ${MIX.workers.L2}, L3 ${MIX.workers.L3}) ~${PACE.workerThinkSeconds} s between steps; ${MIX.customers} customers every ~${PACE.customerSeconds} s; sweep work ${SWEEP_RATE}/s escalations + ${SWEEP_RATE}/s alerts; window ${SECONDS} s`);

  await prepareDatabase();
  buildIfStale(log);
  sink = await startSmtpSink();
  const recorder = new Recorder();
  const pushLog = new PushLog();
  const secret = `bench-load-${randomBytes(24).toString("hex")}`;
  const instances = await startInstances(secret, recorder);
  const people = await signEveryoneIn(instances, secret, recorder, pushLog);
  await waitForQuiet();

  const [refs] = (await sql!.query<{ agent: string; group: string; number: string }>(
    `SELECT (SELECT id FROM "User" WHERE "userId" = 'bench-l1-001') AS agent, (SELECT id FROM "SupportGroup" WHERE slug = 'service-desk') AS group,
            (SELECT "number" FROM "Ticket" ORDER BY id LIMIT 1) AS number`,
  )).rows;
  const raw: RawFigures = { ...(await quietReference(refs!.agent, refs!.group, refs!.number)), queueLoaded: [] };

  const rssBefore = servers.map((s) => residentMiB(s.pid!) ?? NaN);
  await openStreams(people);
  await sleep(2000);
  const rssStreams = servers.map((s) => residentMiB(s.pid!) ?? NaN);
  const warm = performance.now();
  await warmUp({ recorder, pace: PACE, running: () => true, pause: async () => {}, viewersOf: (tier) => people.filter((p) => p.part === "viewer" && p.tier === tier) }, people, instances, WARM_UP_ROUNDS);
  log(`warm-up: every route on both instances, ${WARM_UP_ROUNDS} rounds, ${seconds(warm)} (not in the window)`);
  const streamsBefore = { reopened: people.reduce((n, p) => n + p.stream.reopened, 0), dropped: people.reduce((n, p) => n + p.stream.dropped, 0) };

  // ---- the window ----
  const viewerIds = people.filter((p) => p.part === "viewer" && p.tier === "L1").map((p) => p.id);
  const low = (await sql!.query<{ id: number | null }>(`SELECT max(id) AS id FROM "Notification"`)).rows[0]!.id ?? 0;
  const start = new Date();
  const sweepWork = await scheduleSweepWork(sql!, viewerIds, start, SECONDS, SWEEP_RATE);
  const samplers = servers.map((s) => new ProcessSampler(s.pid!));
  const machine = new MachineSampler();
  const backends = new ProcessSetCpu();
  const backendPids = async () => backends.observe((await sql!.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database.name])).rows.map((r) => r.pid));
  await backendPids();
  const dbStats = async () =>
    (await sql!.query<{ commits: string; rollbacks: string; deadlocks: string }>(`SELECT xact_commit AS commits, xact_rollback AS rollbacks, deadlocks FROM pg_stat_database WHERE datname = $1`, [database.name])).rows[0]!;
  const dbBefore = await dbStats();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const selfCpu = process.cpuUsage();
  samplers.forEach((s) => s.start());
  machine.start();
  loop.enable();
  recorder.counting = true;
  pushLog.counting = true;
  const startMs = performance.now();
  const startUs = monotonicUs();
  const endAt = startMs + SECONDS * 1000;
  const running = () => performance.now() < endAt;
  log(`\nwindow: ${SECONDS} s from ${start.toISOString()}; the sweep has ${sweepWork.escalations} L1 budgets and ${sweepWork.alerts} 75 % marks falling due in it`);

  const ctx: LoadContext = {
    recorder,
    pace: PACE,
    running,
    pause: (ms) => sleep(Math.max(0, Math.min(ms, endAt - performance.now()))),
    viewersOf: (tier: AgentTier) => people.filter((p) => p.part === "viewer" && p.tier === tier),
  };
  const loops: Promise<void>[] = [];
  for (const tier of AGENT_TIERS) {
    const workers = people.filter((p) => p.part === "worker" && p.tier === tier);
    workers.forEach((p, slot) => loops.push(runWorker(ctx, p, slot, workers.length)));
  }
  for (const p of people) {
    if (p.part === "viewer") loops.push(runViewer(ctx, p));
    if (p.part === "customer") loops.push(runCustomer(ctx, p));
  }
  const sampling = (async () => {
    while (running()) {
      await sleep(3000);
      raw.queueLoaded.push(await timeStatements(sql!, queueStatements(refs!.agent, refs!.group, "tier", new Date())));
      await backendPids();
    }
  })();
  await sleep(SECONDS * 1000);
  const figures = samplers.map((s) => s.stop());
  const machineBusy = machine.stop();
  const dbCpu = backends.total();
  const dbAfter = await dbStats();
  const self = process.cpuUsage(selfCpu);
  loop.disable();
  const windowSeconds = (performance.now() - startMs) / 1000;
  const endUs = monotonicUs();
  await Promise.all([...loops, sampling]);
  recorder.counting = false;
  const high = (await sql!.query<{ id: number | null }>(`SELECT max(id) AS id FROM "Notification"`)).rows[0]!.id ?? 0;
  log(`window over: every browser finished its step ${seconds(endAt)} later; waiting for the last pushes`);

  // The last changes' events: streams stay open until none came for 3 s (30 s at most).
  const drainStart = performance.now();
  let lastCount = -1;
  let quietSince = performance.now();
  while (performance.now() - drainStart < 30_000) {
    const count = pushLog.samples.length;
    if (count !== lastCount) {
      lastCount = count;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= 3000) break;
    await sleep(250);
  }
  pushLog.counting = false;
  const stats = {
    reopened: people.reduce((n, p) => n + p.stream.reopened, 0) - streamsBefore.reopened,
    dropped: people.reduce((n, p) => n + p.stream.dropped, 0) - streamsBefore.dropped,
  };
  for (const p of people) p.stream.close();

  // Mail that is due goes out within a few worker runs.
  const mailStart = performance.now();
  while (performance.now() - mailStart < 120_000) {
    const [due] = (await sql!.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status = 'PENDING' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')`)).rows;
    if (due!.n === 0) break;
    await sleep(1000);
  }
  await sleep(MAIL_SECONDS * 1000 + 500);

  // ---- figures ----
  const streamed = new Set(people.map((p) => p.id));
  const [latencies, notifications, mails, changes] = await Promise.all([
    pushLatency(sql!, pushLog, start.getTime()),
    countNotifications(sql!, pushLog, streamed, low, high),
    countMails(sql!, sink.received),
    sql!.query<{ type: string; n: number }>(`SELECT type::text, count(*)::int AS n FROM "TicketEvent" WHERE "createdAt" >= $1::timestamp(3) GROUP BY type ORDER BY 2 DESC`, [start.toISOString()]),
  ]);

  log(`\nRequests in the window (${fmt(windowSeconds, 1)} s), time to the full response at the load generator:`);
  routeTable(recorder, windowSeconds).forEach((l) => log(`  ${l}`));
  const failures = recorder.failureSummary();
  log(failures.length ? `\nErrors (${fmt(recorder.failures.length)}, in and out of the window):` : `\nErrors: none`);
  for (const f of failures.slice(0, 20)) log(`  ${fmt(f.count).padStart(5)} × ${f.route} → ${f.status || "network"}: ${f.detail}`);
  const jobFailures = serverLog.filter((l) => /^\[\w+\] failed/.test(l.line));
  const messages = [...countBy(serverLog.filter((l) => !/^\s+at |^\s*[{}]\s*$|^\s*$/.test(l.line)).map((l) => `${l.instance}${l.inWindow ? "" : " (outside the window)"}: ${l.line.trim().slice(0, 240)}`))];
  log(`Server stderr: ${fmt(serverLog.length)} lines, ${fmt(jobFailures.length)} failed job runs${messages.length ? "; what they say (stack frames left out):" : ""}`);
  for (const [line, n] of messages.slice(0, 24)) log(`  ${fmt(n).padStart(5)} × ${line}`);

  log(`\nChanges committed in the window (decision-log events): ${changes.rows.map((r) => `${r.type} ${fmt(r.n)}`).join(", ")}`);
  log(`Streams: ${fmt(people.length)} open${stats.dropped ? "" : " throughout"}; ${fmt(stats.reopened)} reopened (ticket pages followed and left), ${fmt(stats.dropped)} dropped; events received: ${[...pushLog.eventCounts].map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}`);
  const viewers = people.filter((p) => p.part === "viewer").length;
  const medianOf = (route: string) => percentile(recorder.times.get(route) ?? [0], 50);
  const implied = { queue: pushLog.impliedRefetches("queue", medianOf("GET /api/v1/queue")), bell: pushLog.impliedRefetches("bell", medianOf("GET /api/v1/notifications (bell)")) };
  log(
    `  A browser tab in view refetches its queue on queue events and its bell on notifications, paced (lib/live/refetch-pace.ts: 250 ms for a lone change, ` +
      `then 10 × the last refetch's time apart, with the medians measured above): these streams would have made ` +
      `${fmt(implied.queue)} queue and ${fmt(implied.bell)} bell requests (${fmt((implied.queue + implied.bell) / windowSeconds, 1)}/s) had every tab been in view; ` +
      `the mix above sends ${viewers} viewers' queue views on a timer instead`,
  );

  log(`\nPush latency: each change's commit is stamped by a trigger deferred to its commit (clock_timestamp(), bench-only); each event is timed when its chunk reaches the stream client:`);
  latencyTable(latencies).forEach((l) => log(`  ${l}`));

  log(`\nCPU and memory over the window (CPU in % of one core; the machine has ${cpus.length}):`);
  figures.forEach((f, i) => log(`  ${processLine(`instance ${instances[i]!.name} (pid ${servers[i]!.pid})`, f)}`));
  servers.forEach((s, i) => log(`  instance ${instances[i]!.name}: RSS ${fmt(rssBefore[i]!)} MiB before its ${people.filter((p) => p.instance === instances[i]).length} streams opened, ${fmt(rssStreams[i]!)} MiB after`));
  const queueRequests = ["GET /api/v1/queue", "GET /queue (page)"].reduce((n, r) => n + (recorder.times.get(r)?.length ?? 0), 0);
  const queueSqlSeconds = (queueRequests * percentile(raw.queueQuiet, 50)) / 1000;
  log(
    `  PostgreSQL backends of this database: CPU ${fmt((dbCpu / windowSeconds) * 100)} % of a core; the queue's SQL alone (${fmt(queueRequests)} queue views, each at L1's quiet floor below) ` +
      `would be ${fmt((queueSqlSeconds / windowSeconds) * 100)} % of a core`,
  );
  const delta = (k: keyof typeof dbAfter) => Number(dbAfter[k]) - Number(dbBefore[k]);
  log(`  PostgreSQL transactions in this database: ${fmt(delta("commits") / windowSeconds)}/s committed, ${fmt(delta("rollbacks"))} rolled back, ${fmt(delta("deadlocks"))} deadlocks detected`);
  log(`  load generator (this process: ${fmt(people.length)} streams, the browsers, the SMTP sink): CPU ${fmt(((self.user + self.system) / 1e6 / windowSeconds) * 100)} % of a core, event-loop delay p99 ${fmt(loop.percentile(99) / 1e6, 1)} ms, max ${fmt(loop.max / 1e6, 1)} ms`);
  log(`  whole machine busy: ${fmt(machineBusy)} % of ${cpus.length} cores (this benchmark and everything else running); load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  log(`\nRaw SQL floor on this machine (pg, no HTTP, no ORM):`);
  const queueRoutes = ["GET /api/v1/queue", "GET /queue (page)"];
  log(`  queue, L1 "tier" view (page ids + every view's count, as findQueue sends them): quiet p50 ${fmt(percentile(raw.queueQuiet, 50), 1)} ms; during the window p50 ${fmt(percentile(raw.queueLoaded, 50), 1)} ms, p95 ${fmt(percentile(raw.queueLoaded, 95), 1)} ms (${raw.queueLoaded.length} samples)`);
  for (const route of queueRoutes) {
    const t = recorder.times.get(route) ?? [];
    log(`    ${route}: p50 ${fmt(percentile(t, 50) / percentile(raw.queueLoaded, 50), 1)}× the raw queue SQL under the same load`);
  }
  log(`  ticket (row, decision log, comments): quiet p50 ${fmt(percentile(raw.ticketQuiet, 50), 1)} ms`);
  const ticketPage = recorder.times.get("GET /queue/tickets/[number] (page)") ?? [];
  log(`    GET /queue/tickets/[number] (page): p50 ${fmt(percentile(ticketPage, 50) / percentile(raw.ticketQuiet, 50), 1)}× that quiet floor`);

  log(`\nAfter the run (notifications with ids in (${low}, ${high}], written during the window; every mail since the instances started):`);
  notificationLines(notifications).forEach((l) => log(`  ${l}`));
  mailLines(mails).forEach((l) => log(`  ${l}`));

  const errors = recorder.failures.length + serverLog.filter((l) => /^\[\w+\] failed/.test(l.line)).length;
  const reads = [...TARGET_READS].filter((r) => recorder.times.has(r));
  const readsMissed = reads.filter((r) => percentile(recorder.times.get(r)!, 95) >= READ_P95_TARGET_MS);
  const push = latencies.find((l) => l.kind === "all")!;
  if (PROFILE_DIR) {
    // The profile is written as the server exits.
    await stopAppServer(servers[0]);
    const profile = summarizeProfile(PROFILE_DIR, startUs, endUs);
    if (!profile) log(`\nProfile: instance A wrote none`);
    else {
      log(`\nWhere instance A spent its CPU in the window (V8 profile, --cpu-prof; ${fmt(profile.seconds, 1)} s of samples, self time; profiling slows it a little):`);
      for (const [where, sec] of profile.byOrigin) log(`  ${fmt((sec / profile.seconds) * 100, 1).padStart(5)} %  ${where}`);
      log(`  busiest functions:`);
      for (const [name, sec] of profile.topFunctions) log(`  ${fmt((sec / profile.seconds) * 100, 1).padStart(5)} %  ${name.slice(0, 150)}`);
    }
  }

  log(`\nTargets:`);
  log(`  ${readsMissed.length ? "MISS" : "PASS"}  queue and ticket reads p95 < ${READ_P95_TARGET_MS} ms${readsMissed.length ? ` (missed: ${readsMissed.join(", ")})` : ` (${reads.length} routes)`}`);
  log(`  ${push.p95 < PUSH_P95_TARGET_MS ? "PASS" : "MISS"}  push latency p95 < ${PUSH_P95_TARGET_MS} ms (p50 ${fmt(push.p50)} ms, p95 ${fmt(push.p95)} ms over ${fmt(push.samples)} events)`);
  log(`  ${errors === 0 ? "PASS" : "MISS"}  0 errors (${fmt(errors)}: failed requests and streams, and failed job runs on the instances)`);
  const notificationsOk = notifications.lost === 0 && notifications.duplicated === 0 && notifications.misdelivered === 0;
  log(`  ${notificationsOk ? "PASS" : "MISS"}  notifications: 0 lost, 0 duplicated (${fmt(notifications.lost)} lost, ${fmt(notifications.duplicated)} duplicated of ${fmt(notifications.expected)})`);
  const mailsOk = mails.lost === 0 && mails.duplicated === 0 && mails.unmarked === 0;
  log(`  ${mailsOk ? "PASS" : "MISS"}  mails: 0 lost, 0 duplicated (${fmt(mails.lost)} lost, ${fmt(mails.duplicated)} duplicated of ${fmt(mails.sent)})`);
}

await runBenchmark(main, cleanup);
