import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { seedDemoData } from "@/lib/seed/demo-data";
import { bulkAction } from "@/lib/tickets/bulk-action";
import { createTicket } from "@/lib/tickets/create-ticket";
import { BULK_MAX } from "@/lib/validation/bulk";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describeEachDatabase("bulk actions", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l1b: Actor;
  let manager: Actor;

  const open = async (count: number) => {
    const tickets: { number: string; version: number }[] = [];
    for (let i = 0; i < count; i++) {
      const t = await createTicket(customer, { type: "INCIDENT", title: `Bulk ${i}`, description: "For bulk.", category: "access" }, at(0));
      tickets.push({ number: t.number, version: t.version });
    }
    return tickets;
  };
  const ticket = (number: string) => database().db.ticket.findUniqueOrThrow({ where: { number }, include: { assignee: true, events: true, comments: true } });

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    l1b = await actorFor(db, "l1agent2");
    manager = await actorFor(db, "manager");
  });

  it("claims each ticket on its own: one taken meanwhile is refused with the reason, the rest are done", async () => {
    const tickets = await open(5);
    await claimTicket(l1b, tickets[2]!.number, at(1));
    const result = await bulkAction(l1, { action: "claim", tickets }, at(2));
    expect(result).toMatchObject({ action: "claim", done: 4, refused: 1 });
    expect(result.results[2]).toEqual({ number: tickets[2]!.number, outcome: "refused", code: "CONFLICT", reason: "Someone else has claimed this ticket." });
    for (const [i, t] of tickets.entries()) {
      const row = await ticket(t.number);
      expect(row.assignee?.userId).toBe(i === 2 ? "l1agent2" : "l1agent");
      expect(row.events.filter((e) => e.type === "CLAIMED")).toHaveLength(1);
    }
  });

  it("changes status against each ticket's version: a stale one is a conflict, the others change", async () => {
    const tickets = await open(3);
    await bulkAction(l1, { action: "claim", tickets }, at(1));
    const read = await Promise.all(tickets.map(async (t) => ({ number: t.number, version: (await ticket(t.number)).version })));
    await database().db.ticket.update({ where: { number: read[1]!.number }, data: { version: { increment: 1 } } });
    const result = await bulkAction(l1, { action: "status", tickets: read, status: "IN_PROGRESS" }, at(2));
    expect(result).toMatchObject({ done: 2, refused: 1 });
    expect(result.results[1]).toMatchObject({ outcome: "refused", code: "CONFLICT" });
    expect((await ticket(read[0]!.number)).status).toBe("IN_PROGRESS");
    expect((await ticket(read[1]!.number)).status).toBe("ASSIGNED");
    expect((await ticket(read[0]!.number)).events.some((e) => e.type === "STATUS_CHANGED")).toBe(true);
  });

  it("adds an internal note through the comment rules: another tier's ticket is refused", async () => {
    const tickets = await open(2);
    await claimTicket(l1, tickets[0]!.number, at(1));
    const l2 = await actorFor(database().db, "l2agent");
    const result = await bulkAction(l2, { action: "note", tickets, body: "Seen from L2." }, at(2));
    expect(result).toMatchObject({ done: 0, refused: 2 });
    const mine = await bulkAction(l1, { action: "note", tickets, body: "Checked the VPN logs." }, at(3));
    expect(mine).toMatchObject({ done: 2, refused: 0 });
    const row = await ticket(tickets[1]!.number);
    expect(row.comments).toEqual([expect.objectContaining({ visibility: "INTERNAL", body: "Checked the VPN logs." })]);
    expect(row.events.some((e) => e.type === "COMMENTED")).toBe(true);
  });

  it("lets managers assign, refusing a ticket changed since it was read; agents may not assign", async () => {
    const tickets = await open(2);
    await expect(bulkAction(l1, { action: "assign", tickets, assign: { userId: "l1agent2" } }, at(1))).rejects.toMatchObject({ status: 403 });
    await claimTicket(l1, tickets[1]!.number, at(1));
    const result = await bulkAction(manager, { action: "assign", tickets, assign: { userId: "l1agent2" } }, at(2));
    expect(result.results).toEqual([
      { number: tickets[0]!.number, outcome: "done" },
      expect.objectContaining({ number: tickets[1]!.number, outcome: "refused", code: "CONFLICT" }),
    ]);
    expect((await ticket(tickets[0]!.number)).assignee?.userId).toBe("l1agent2");
    expect((await ticket(tickets[1]!.number)).assignee?.userId).toBe("l1agent");
  });

  it("reports an unknown ticket as refused, and refuses more than the cap, repeats and bad input whole", async () => {
    const result = await bulkAction(l1, { action: "claim", tickets: [{ number: "INC-999999", version: 1 }] }, at(1));
    expect(result.results).toEqual([expect.objectContaining({ outcome: "refused", code: "NOT_FOUND" })]);
    const many = Array.from({ length: BULK_MAX + 1 }, (_, i) => ({ number: `INC-${String(900_000 + i)}`, version: 1 }));
    await expect(bulkAction(l1, { action: "claim", tickets: many })).rejects.toMatchObject({ status: 400 });
    await expect(bulkAction(l1, { action: "claim", tickets: [many[0]!, many[0]!] })).rejects.toMatchObject({ status: 400 });
    await expect(bulkAction(l1, unchecked({ action: "delete", tickets: [many[0]] }))).rejects.toMatchObject({ status: 400 });
    await expect(bulkAction(l1, { action: "note", tickets: [many[0]!], body: "a\u0000b" })).rejects.toMatchObject({ status: 400 });
    await expect(bulkAction(customer, { action: "claim", tickets: [many[0]!] })).rejects.toMatchObject({ status: 403 });
  });
});
