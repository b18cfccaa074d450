// npm run db:move's copy, on a seeded embedded database with a month of history: the dashboard's figures and
// every ticket's page read the same on PostgreSQL as on PGlite (the same lib read functions on both), numbers
// go on, and a target that is not empty is refused. PostgreSQL only (TEST_DATABASE_URL): a *.postgres.test.ts file.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveToPostgres } from "@/lib/backup/move-to-postgres";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { actorFor } from "../fixtures/actors";
import { buildDashboardHistory, historyAt } from "../fixtures/dashboard-history";

const READ_AT = historyAt(24 * 60);
const MONTH = { period: "custom", from: "2026-10-31", to: "2026-11-30" };
/** Two tickets a day for 30 days (buildMonth), and the dashboard history's eight (A to H); the demo seed has none. */
const TICKETS = 30 * 2 + 8;

/** A month of days before the dashboard history's day: each day two tickets; one resolved at L1, one escalated to L2. */
async function buildMonth(db: OpenedDatabase["db"]): Promise<void> {
  const [carla, gus, l1] = [await actorFor(db, "C1001"), await actorFor(db, "C1002"), await actorFor(db, "l1agent")];
  for (let day = 30; day >= 1; day--) {
    const at = (minutes: number) => historyAt(-day * 24 * 60 + minutes);
    const a = await createTicket(day % 2 ? carla : gus, { type: "INCIDENT", title: `Day ${day}: VPN drops`, description: "Since this morning.", category: "platform" }, at(0));
    const b = await createTicket(carla, { type: "SERVICE_REQUEST", title: `Day ${day}: new laptop`, description: "For a new hire.", category: "platform" }, at(1));
    await claimTicket(l1, a.number, at(5));
    await addComment(l1, a.number, { body: "Restarted the tunnel.", visibility: "PUBLIC" }, at(10));
    const { version } = await getTicket(l1, a.number);
    await updateTicket(l1, a.number, { version, status: "RESOLVED" }, at(20 + day));
    await claimTicket(l1, b.number, at(6));
    await escalateTicket(l1, b.number, { reason: "Needs the next tier", summary: "Checked the SOP steps." }, at(30));
    if (day % 7 === 0) await runSweep(at(600));
  }
}

async function readEverything(database: OpenedDatabase) {
  installProcessDatabase(database);
  const manager = await actorFor(database.db, "manager");
  const numbers = (await database.db.ticket.findMany({ select: { number: true }, orderBy: { id: "asc" } })).map((t) => t.number);
  const pages = [];
  for (const number of numbers) pages.push(await loadTicketWorkspace(manager, number, READ_AT));
  return { metrics: await getEscalationMetrics(manager, MONTH, READ_AT), day: await getEscalationMetrics(manager, { period: "custom", from: "2026-11-30", to: "2026-11-30" }, READ_AT), pages };
}

describe("moving an embedded database to PostgreSQL [postgres]", () => {
  let dir: string;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const url = Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString();
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tierdesk-move-"));
    const source = createDatabase({ kind: "pglite", dataDir: dir });
    await applyMigrations(source.connection.factory);
    await seedDemoData(source.db);
    installProcessDatabase(source);
    await buildMonth(source.db);
    await buildDashboardHistory(source.db);
    installProcessDatabase(undefined);
    await source.close();
    await admin(`CREATE DATABASE "${name}"`);
  }, 300_000);
  afterAll(async () => {
    installProcessDatabase(undefined);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  });

  it("copies every table with the same rows, and the dashboard and every ticket page read the same", async () => {
    const lines: string[] = [];
    const summary = await moveToPostgres({ kind: "pglite", dataDir: dir }, url, (line) => lines.push(line));
    expect(summary.tables.find((t) => t.name === "Ticket")!.rows).toBe(TICKETS);
    expect(lines.some((l) => l.includes("TicketEvent:"))).toBe(true);

    const embedded = createDatabase({ kind: "pglite", dataDir: dir });
    const moved = createDatabase({ kind: "postgres", url });
    try {
      const before = await readEverything(embedded);
      const after = await readEverything(moved);
      expect(after.metrics).toEqual(before.metrics);
      expect(after.day).toEqual(before.day);
      expect(after.pages).toHaveLength(TICKETS);
      expect(after.pages).toEqual(before.pages);

      // Ticket numbers go on from the embedded database's.
      installProcessDatabase(moved);
      const next = await createTicket(await actorFor(moved.db, "C1001"), { type: "INCIDENT", title: "First on PostgreSQL", description: "After the move.", category: "platform" }, READ_AT);
      const highest = Math.max(...before.pages.map((p) => p.ticket.number).filter((n) => n.startsWith("INC-")).map((n) => Number(n.slice(4))));
      expect(Number(next.number.slice(4))).toBe(highest + 1);
    } finally {
      installProcessDatabase(undefined);
      await embedded.close();
      await moved.close();
    }

    await expect(moveToPostgres({ kind: "pglite", dataDir: dir }, url)).rejects.toThrow(/not empty/);
  }, 300_000);
});
