import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { Prisma } from "@/lib/db/generated/client";
import { claimTicket } from "@/lib/routing/claim";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { selectTicketJsonSql } from "@/lib/tickets/core/ticket-json.sql";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Writes return their ticket as JSON built by PostgreSQL (selectTicketJsonSql); reads build it in
// JavaScript from a Prisma row (toTicketJson). Both must give the same answer, whatever the ticket holds.
describeEachDatabase("the ticket as PostgreSQL builds it", (database) => {
  let acme: Actor;
  let globex: Actor;
  let agent: Actor;

  const builtBySql = async (number: string): Promise<TicketJson> => {
    const [row] = await database().db.$queryRaw<[{ ticket: TicketJson }]>`
      ${selectTicketJsonSql(Prisma.sql`(SELECT * FROM "Ticket" WHERE "number" = ${number})`)}`;
    return row.ticket;
  };

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
    agent = await actorFor(database().db, "l1agent");
  });

  it("intake and claim return exactly what a read of the same ticket returns", async () => {
    const created = await createTicket(acme, { type: "INCIDENT", title: "Export fails", description: "Since 9:00.", category: "billing", impact: "HIGH", urgency: "HIGH" });
    expect(created).toEqual(await getTicket(agent, created.number));
    expect(created.assignee).toBeNull();
    expect(created.customer.organization).not.toBeNull();

    const claimed = await claimTicket(agent, created.number);
    expect(claimed).toEqual(await getTicket(agent, created.number));
    expect(claimed.assignee).toEqual({ userId: "l1agent", name: expect.any(String) });
    // The same keys in the same order as the JavaScript shape, so API answers read alike.
    expect(JSON.stringify(Object.keys(claimed))).toBe(JSON.stringify(Object.keys(await getTicket(agent, created.number))));
  });

  it("agrees on every nullable and clock field: no organization, a vendor clock, a reference, resolved", async () => {
    const { number } = await createTicket(globex, { type: "SERVICE_REQUEST", title: "New laptop", description: "For a new hire.", category: "billing" });
    await database().db.$executeRaw`UPDATE "User" SET "organizationId" = NULL WHERE "userId" = 'C1002'`;
    await database().db.$executeRaw`
      UPDATE "Ticket" SET "externalReference" = 'VEND-42', "vendorSecondsUsed" = 90, "vendorClockSince" = '2026-11-27 10:00:00.007',
        "firstRespondedAt" = '2026-11-27 09:15:00.120', "resolvedAt" = '2026-11-28 00:00:00', "slaClockSince" = NULL, "l2SecondsUsed" = 3600
      WHERE "number" = ${number}`;
    const read = await getTicket(agent, number);
    expect(read).toMatchObject({ externalReference: "VEND-42", firstRespondedAt: "2026-11-27T09:15:00.120Z", resolvedAt: "2026-11-28T00:00:00.000Z" });
    expect(read.customer.organization).toBeNull();
    expect(read.clocks).toMatchObject({ customerClockRunning: false, vendorClockRunning: true, vendorSecondsUsed: 90 });
    expect(await builtBySql(number)).toEqual(read);
  });
});
