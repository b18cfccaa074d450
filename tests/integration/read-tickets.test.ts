import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { findQueue } from "@/lib/tickets/find-queue";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listTickets } from "@/lib/tickets/list-tickets";
import { listTicketsFor } from "@/lib/tickets/ticket-for-actor";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const ticket = (title: string, impact?: Impact, urgency?: Urgency): z.input<typeof ZCreateTicket> => ({
  type: "INCIDENT",
  title,
  description: "details",
  category: "billing",
  ...(impact ? { impact } : {}),
  ...(urgency ? { urgency } : {}),
});

describeEachDatabase("reading tickets", (database) => {
  let acme: Actor;
  let globex: Actor;
  let agent: Actor;
  const acmeNumbers: string[] = [];
  let globexNumber = "";

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
    agent = await actorFor(database().db, "l1agent");
    for (let i = 0; i < 5; i++) acmeNumbers.push((await createTicket(acme, ticket(`Acme ${i}`))).number);
    globexNumber = (await createTicket(globex, ticket("Globex urgent", "HIGH", "HIGH"))).number;
  });

  it("lists a customer's own tickets only, newest first, across keyset pages without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(acme, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.tickets.length).toBeLessThanOrEqual(2);
      seen.push(...page.tickets.map((t) => t.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...acmeNumbers].reverse());
  });

  it("pages a customer's list in their view exactly as the staff-shaped list pages (one keyset paging)", async () => {
    const pages = async (list: (query: Record<string, string>) => Promise<{ tickets: { number: string }[]; nextCursor: string | null }>) => {
      const seen: { numbers: string[]; cursor: string | null }[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ limit: "2", status: "NEW", ...(cursor ? { cursor } : {}) });
        seen.push({ numbers: page.tickets.map((t) => t.number), cursor: page.nextCursor });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const customerView = await pages((q) => listTicketsFor(acme, q));
    expect(customerView).toEqual(await pages((q) => listTickets(acme, q)));
    expect(customerView.flatMap((p) => p.numbers)).toEqual([...acmeNumbers].reverse());
    const first = (await listTicketsFor(acme, { limit: "1" })).tickets[0]!;
    expect(first).toHaveProperty("supportLevel", "Level 1 support");
    expect(first).not.toHaveProperty("group");
    await expect(listTicketsFor(acme, { cursor: "abc" })).rejects.toMatchObject({ status: 400, fields: { cursor: expect.any(Array) } });
  });

  it("lets staff list everything, filtered by tier and status", async () => {
    const all = await listTickets(agent, { limit: "100", tier: "L1", status: "NEW" });
    expect(all.tickets.map((t) => t.number)).toEqual([globexNumber, ...[...acmeNumbers].reverse()]);
    expect((await listTickets(agent, { tier: "L2" })).tickets).toEqual([]);
  });

  it("refuses bad list filters with the fields at fault", async () => {
    await expect(listTickets(agent, { tier: "L9", cursor: "abc", limit: "1000" })).rejects.toMatchObject({
      status: 400,
      fields: { tier: expect.any(Array), cursor: expect.any(Array), limit: expect.any(Array) },
    });
  });

  it("hides another customer's ticket as not found, and shows it to staff", async () => {
    await expect(getTicket(acme, globexNumber)).rejects.toMatchObject({ status: 404 });
    await expect(getTicket(acme, "INC-999999")).rejects.toMatchObject({ status: 404 });
    await expect(getTicket(acme, "not-a-number")).rejects.toMatchObject({ status: 404 });
    expect((await getTicket(globex, globexNumber)).customer.userId).toBe("C1002");
    expect((await getTicket(agent, globexNumber)).number).toBe(globexNumber);
  });

  it("orders the L1 queue by priority, oldest first within a priority, for staff only", async () => {
    const queue = await findQueue(agent, {});
    expect(queue.rows[0]).toMatchObject({ number: globexNumber, priority: "P1", customer: { userId: "C1002", organization: "Globex" } });
    expect(queue.rows.slice(1).map((r) => r.number)).toEqual(acmeNumbers);
    await expect(findQueue(acme, {})).rejects.toMatchObject({ status: 403 });
  });
});
