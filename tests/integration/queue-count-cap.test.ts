import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { findQueue } from "@/lib/tickets/find-queue";
import { QUEUE_COUNT_CAP } from "@/lib/tickets/queue-count";
import { createSavedView, listSavedViews } from "@/lib/tickets/saved-views";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const NOW = new Date("2026-11-30T09:30:00Z");

describeEachDatabase("queue counts stop at the cap and say so", (database) => {
  let l1: Actor;
  let template: string;

  /** `copies` more tickets like the template (open at L1, unassigned), inserted in one statement. */
  const copy = async (copies: number, from: number) => {
    const db = database().db;
    const columns = (
      await db.$queryRaw<{ name: string }[]>`SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'Ticket' AND column_name NOT IN ('id', 'number', 'idempotencyKey', 'searchVector')`
    ).map((c) => `"${c.name}"`);
    await db.$executeRawUnsafe(
      `INSERT INTO "Ticket" ("number", ${columns.join(", ")})
       SELECT 'INC-9' || lpad(g::text, 6, '0'), ${columns.map((c) => `t.${c}`).join(", ")}
       FROM "Ticket" t CROSS JOIN generate_series($2::int, $2::int + $3::int - 1) AS g WHERE t."number" = $1`,
      template,
      from,
      copies,
    );
  };

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    l1 = await actorFor(db, "l1agent");
    const customer = await actorFor(db, "C1001");
    template = (await createTicket(customer, { type: "INCIDENT", title: "Printer offline", description: "It stopped printing.", category: "access" }, NOW)).number;
    const openAtL1 = (await findQueue(l1, {}, NOW)).counts.tier;
    await copy(QUEUE_COUNT_CAP - openAtL1, 1);
  }, 120_000);

  it("counts exactly up to the cap", async () => {
    const page = await findQueue(l1, {}, NOW);
    expect(page.counts.tier).toBe(QUEUE_COUNT_CAP);
    expect(page.cappedCounts).toEqual([]);
    expect(page.countCap).toBe(QUEUE_COUNT_CAP);
    expect(page.rows).toHaveLength(50);
  });

  it("shows the cap with the views past it named, and saved views say they hold more", async () => {
    await copy(1, QUEUE_COUNT_CAP);
    const page = await findQueue(l1, { view: "unassigned" }, NOW);
    expect(page.counts.tier).toBe(QUEUE_COUNT_CAP);
    expect(page.counts.unassigned).toBe(QUEUE_COUNT_CAP);
    expect(page.cappedCounts).toEqual(["unassigned", "tier"]);
    expect(page.counts.mine).toBe(0);
    expect(page.nextCursor).not.toBeNull();

    await createSavedView(l1, { name: "Everything", query: { view: "tier" } }, NOW);
    await createSavedView(l1, { name: "Printers", query: { view: "tier", q: "printer", priority: "P1" } }, NOW);
    const views = await listSavedViews(l1, NOW);
    expect(views.map((v) => [v.name, v.count, v.countCapped])).toEqual([
      ["Everything", QUEUE_COUNT_CAP, true],
      ["Printers", 0, false],
    ]);
  });
});
