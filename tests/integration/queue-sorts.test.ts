import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { findQueue } from "@/lib/tickets/find-queue";
import { QUEUE_SORTS, SORT_DIRECTIONS, type QueueSort } from "@/lib/validation/queue";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const NOW = at(30);

/** Clock values per ticket, with ties (same instant) and stopped clocks (null) in every clock column. */
const CLOCKS: { resolution: number | null; firstResponse: number | null; tierBudget: number | null; updated: number }[] = [
  { resolution: 300, firstResponse: 60, tierBudget: null, updated: 10 },
  { resolution: null, firstResponse: 60, tierBudget: 120, updated: 12 },
  { resolution: 100, firstResponse: null, tierBudget: 120, updated: 10 },
  { resolution: 300, firstResponse: 30, tierBudget: null, updated: 11 },
  { resolution: null, firstResponse: null, tierBudget: 90, updated: 10 },
  { resolution: 200, firstResponse: 30, tierBudget: 120, updated: 15 },
  { resolution: 100, firstResponse: 90, tierBudget: null, updated: 12 },
];

describeEachDatabase("queue sorts", (database) => {
  let l1: Actor;
  const rows: { id: number; number: string; priority: string; resolution: number | null; firstResponse: number | null; tierBudget: number | null; updated: number }[] = [];

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    const customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    const levels = ["HIGH", "MEDIUM", "LOW"] as const;
    for (const [i, clocks] of CLOCKS.entries()) {
      const level = levels[i % 3]!;
      const { number } = await createTicket(customer, { type: "INCIDENT", title: `Sort ${i}`, description: "Sorted.", category: "access", impact: level, urgency: level }, at(i));
      const minutes = (m: number | null) => (m === null ? null : at(m));
      const t = await db.ticket.update({
        where: { number },
        // All l1agent's, so "Mine" (read by the assignee first, then sorted) pages the same rows in the same order.
        data: { resolutionDueAt: minutes(clocks.resolution), firstResponseDueAt: minutes(clocks.firstResponse), tierBudgetEndsAt: minutes(clocks.tierBudget), updatedAt: at(clocks.updated), assigneeId: l1.id },
      });
      rows.push({ id: t.id, number, priority: t.priority, ...clocks });
    }
  });

  /** The order the queue must show, computed here: the key in the direction, nulls last, then the id the same way. */
  const expected = (sort: QueueSort, dir: "asc" | "desc") => {
    const key = (r: (typeof rows)[number]): string | number | null =>
      ({ priority: r.priority, "first-response": r.firstResponse, resolution: r.resolution, "tier-budget": r.tierBudget, updated: r.updated, age: r.id })[sort];
    const sign = dir === "asc" ? 1 : -1;
    return [...rows]
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null || kb === null) return ka === kb ? sign * (a.id - b.id) : ka === null ? 1 : -1;
        if (ka !== kb) return sign * (ka < kb ? -1 : 1);
        return sign * (a.id - b.id);
      })
      .map((r) => r.number);
  };

  for (const view of ["tier", "mine"] as const) {
    for (const sort of QUEUE_SORTS) {
      for (const dir of SORT_DIRECTIONS) {
        it(`pages ${view} by ${sort} ${dir} in order, without gaps or repeats, ties and stopped clocks included`, async () => {
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page = await findQueue(l1, { view, sort, dir, limit: "2", ...(cursor ? { cursor } : {}) }, NOW);
            expect(page).toMatchObject({ sort, dir });
            seen.push(...page.rows.map((r) => r.number));
            cursor = page.nextCursor;
            pages += 1;
          } while (cursor && pages < 10);
          expect(seen).toEqual(expected(sort, dir));
        });
      }
    }
  }

  it("refuses a cursor read in another sort or direction", async () => {
    const first = await findQueue(l1, { view: "tier", sort: "resolution", limit: "2" }, NOW);
    expect(first.nextCursor).toMatch(/^resolution\.asc\./);
    await expect(findQueue(l1, { view: "tier", sort: "resolution", dir: "desc", cursor: first.nextCursor! }, NOW)).rejects.toMatchObject({ status: 400, fields: { cursor: expect.any(Array) } });
    await expect(findQueue(l1, { view: "tier", sort: "updated", cursor: first.nextCursor! }, NOW)).rejects.toMatchObject({ status: 400 });
  });
});
