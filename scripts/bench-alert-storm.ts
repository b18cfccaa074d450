// npm run bench:alert-storm: an Alertmanager storm (issue 16), one payload of 1,000 alerts over 100
// fingerprints, through the app's receive service (lib/integrations/receive-alerts.ts: validates the payload,
// counts repeats, opens the 100 incidents SET-BASED: one intake statement writes the tickets, their CREATED
// and CLASSIFIED events, their MonitoringAlert rows and acknowledgement mails); then the same payload again
// (the replay: opens none, counts 100 repeats); beside a raw INSERT of the same 100 tickets and 200 events
// with every value precomputed (no payload, no classification, no dedup, no mail) in a transaction rolled
// back. Several alternating rounds, each storm with fresh fingerprints; medians and ratios printed. On
// PGlite (in memory, as `npm start` runs by default) and, with BENCH_POSTGRES=1, on PostgreSQL too.
// A measurement, not a test.
//
//   BENCH_ALERTS         alerts in the payload (default 1,000)
//   BENCH_FINGERPRINTS   distinct fingerprints (default 100)
//   BENCH_ROUNDS         alternating rounds (default 5)
//   BENCH_POSTGRES=1     also on a throw-away PostgreSQL database (BENCH_DATABASE_URL, see bench-database.ts)
import os from "node:os";
import { performance } from "node:perf_hooks";
import { actorOf, type Actor } from "../lib/actor";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import type { DatabaseTarget } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { receiveAlerts } from "../lib/integrations/receive-alerts";
import { DEFAULT_SEVERITY_MAP } from "../lib/integrations/severity-map";
import { seedDemoData } from "../lib/seed/demo-data";
import { alertOf, payloadOf } from "../tests/fixtures/alertmanager";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { fmt } from "./bench-figures";

const ALERTS = Number(process.env.BENCH_ALERTS ?? 1_000);
const FINGERPRINTS = Number(process.env.BENCH_FINGERPRINTS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const postgres = process.env.BENCH_POSTGRES === "1" ? throwAwayDatabase("t_bench_storm") : null;
let opened: OpenedDatabase | undefined;
let created = false;

const log = (line: string) => console.log(line);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const stormOf = (round: number) => payloadOf(Array.from({ length: ALERTS }, (_, i) => alertOf(`r${round}-${String(i % FINGERPRINTS).padStart(5, "0")}`)));

async function open(target: DatabaseTarget): Promise<{ admin: Actor }> {
  installProcessDatabase(undefined);
  await opened?.close();
  opened = createDatabase(target);
  await applyMigrations(opened.connection.factory);
  installProcessDatabase(opened);
  await seedDemoData(opened.db);
  const admin = actorOf(await opened.db.user.findUniqueOrThrow({ where: { userId: "admin" } }));
  // Written directly: the admin service's module graph reaches next-auth, which tsx cannot load outside Next.js.
  const [customer, category] = await Promise.all([
    opened.db.user.findUniqueOrThrow({ where: { userId: "C1001" } }),
    opened.db.category.findUniqueOrThrow({ where: { slug: "platform" } }),
  ]);
  const at = new Date();
  await opened.db.integration.create({
    data: { slug: "bench", name: "Bench Prometheus", customerId: customer.id, categoryId: category.id, severityMap: DEFAULT_SEVERITY_MAP, createdAt: at, updatedAt: at },
  });
  return { admin };
}

/** The same incidents as plain rows: 100 tickets copied from one the storm opened, 2 events each; rolled back. */
async function rawInsert(round: number, templateId: number): Promise<number> {
  const query = (text: string, values: unknown[] = []) => opened!.connection.query(text, values);
  const numbers = Array.from({ length: FINGERPRINTS }, (_, i) => `INC-R${round}${String(i).padStart(5, "0")}`);
  const titles = numbers.map((_, i) => `Checkout errors above 5 % on web-raw${round}-${i}`);
  await query("BEGIN");
  const start = performance.now();
  await query(
    `WITH t AS (
       INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency", "categoryId", "customerId",
         "organizationId", "groupId", "matrixVersionId", "tierEnteredAt", "slaClockSince", "tierClockSince", "nextUpdateDueAt", "firstResponseDueAt",
         "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "tierBudgetWarnAt", "createdAt", "updatedAt", "channel", "openedById")
       SELECT r.number, p."type", r.title, p."description", p."status", p."tier", p."priority", p."impact", p."urgency", p."categoryId", p."customerId",
         p."organizationId", p."groupId", p."matrixVersionId", p."tierEnteredAt", p."slaClockSince", p."tierClockSince", p."nextUpdateDueAt", p."firstResponseDueAt",
         p."resolutionDueAt", p."resolutionWarnAt", p."tierBudgetEndsAt", p."tierBudgetWarnAt", p."createdAt", p."updatedAt", p."channel", p."openedById"
       FROM "Ticket" p, unnest($2::text[], $3::text[]) AS r(number, title) WHERE p.id = $1
       RETURNING "id")
     INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "rule", "inputs", "reason", "createdAt")
     SELECT t.id, e."type", e."actorId", e."rule", e."inputs", e."reason", e."createdAt"
     FROM t, (SELECT * FROM "TicketEvent" WHERE "ticketId" = $1 AND "type" IN ('CREATED', 'CLASSIFIED')) e`,
    [templateId, numbers, titles],
  );
  const ms = performance.now() - start;
  await query("ROLLBACK");
  return ms;
}

async function measure(label: string, target: DatabaseTarget): Promise<void> {
  const { admin } = await open(target);
  log(`\n${label}: ${fmt(ALERTS)} alerts over ${fmt(FINGERPRINTS)} fingerprints in one payload`);
  const now = () => new Date();
  const storm = async (round: number) => {
    const payload = stormOf(round);
    const start = performance.now();
    const receipt = await receiveAlerts(admin, "bench", payload, now());
    const stormMs = performance.now() - start;
    if (receipt.opened.length !== FINGERPRINTS) throw new Error(`the storm opened ${receipt.opened.length}`);
    const again = performance.now();
    const replay = await receiveAlerts(admin, "bench", payload, now());
    const replayMs = performance.now() - again;
    if (replay.opened.length !== 0 || replay.repeated !== FINGERPRINTS) throw new Error(`the replay answered ${JSON.stringify(replay)}`);
    const template = await opened!.db.ticket.findUniqueOrThrow({ where: { number: receipt.opened[0]! }, select: { id: true } });
    return { stormMs, replayMs, templateId: template.id };
  };
  const warm = await storm(0); // plans and caches
  await rawInsert(0, warm.templateId);
  const storms: number[] = [];
  const replays: number[] = [];
  const raws: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const s = await storm(round);
    storms.push(s.stormMs);
    replays.push(s.replayMs);
    raws.push(await rawInsert(round, s.templateId));
    log(`round ${round}: storm ${fmt(s.stormMs, 1)} ms, replay ${fmt(s.replayMs, 1)} ms, raw INSERT ${fmt(raws.at(-1)!, 1)} ms`);
  }
  const [a, r, b] = [median(storms), median(replays), median(raws)];
  log(`storm (opens ${fmt(FINGERPRINTS)} incidents: payload parsed, dedup, intake set-based, events, alerts, mails): median ${fmt(a, 1)} ms over ${ROUNDS} rounds ${a < 1000 ? "(under 1 s)" : "(OVER 1 s)"}`);
  log(`replay (opens none, counts ${fmt(FINGERPRINTS)} repeats): median ${fmt(r, 1)} ms`);
  log(`raw INSERT of the same ${fmt(FINGERPRINTS)} tickets and ${fmt(FINGERPRINTS * 2)} events, values precomputed: median ${fmt(b, 1)} ms`);
  log(`ratio storm / raw: ${fmt(a / b, 2)}×; replay / raw: ${fmt(r / b, 2)}×`);
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`Tierdesk alert-storm benchmark (issue 16)`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}; load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine)`);
  await measure("PGlite (in memory)", { kind: "pglite-memory" });
  if (postgres) {
    await postgres.admin(`CREATE DATABASE "${postgres.name}"`);
    created = true;
    await measure("PostgreSQL", { kind: "postgres", url: postgres.url });
  }
  log(`\nload average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

async function cleanup(): Promise<string> {
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (postgres && created) {
    await postgres.admin(`DROP DATABASE IF EXISTS "${postgres.name}" WITH (FORCE)`);
    return `closed the databases; dropped ${postgres.name}`;
  }
  return "closed the database";
}

await runBenchmark(main, cleanup);
