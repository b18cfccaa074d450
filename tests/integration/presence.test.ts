import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { heartbeatTicketView, listTicketViewers } from "@/lib/tickets/presence";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describeEachDatabase("ticket presence (heartbeat)", (database) => {
  let customer: Actor;
  let otherCustomer: Actor;
  let lena: Actor;
  let leo: Actor;
  let priya: Actor;
  let number = "";

  beforeAll(async () => {
    await seedDemoData(database().db);
    const db = database().db;
    [customer, otherCustomer, lena, leo, priya] = await Promise.all([
      actorFor(db, "C1001"),
      actorFor(db, "C1002"),
      actorFor(db, "l1agent"),
      actorFor(db, "l1agent2"),
      actorFor(db, "l2agent"),
    ]);
    number = (await createTicket(customer, { type: "INCIDENT", title: "Presence check", description: "Two agents look at it.", category: "platform" }, at(0))).number;
  });

  it("the first viewer sees nobody else; the second sees the first, and the first then sees the second", async () => {
    expect(await heartbeatTicketView(lena, number, at(1))).toEqual([]);
    expect(await heartbeatTicketView(leo, number, at(5))).toEqual([{ userId: "l1agent", name: "Lena First", seenAt: at(1).toISOString() }]);
    expect(await heartbeatTicketView(lena, number, at(11))).toEqual([{ userId: "l1agent2", name: "Leo First", seenAt: at(5).toISOString() }]);
  });

  it("a heartbeat updates the viewer's row instead of adding one, and lists others oldest first", async () => {
    await heartbeatTicketView(priya, number, at(12));
    expect((await heartbeatTicketView(leo, number, at(15))).map((v) => v.userId)).toEqual(["l1agent", "l2agent"]);
    const rows = await database().db.ticketViewer.count({ where: { ticket: { number } } });
    expect(rows).toBe(3);
  });

  it("a viewer silent for more than 30 s is gone", async () => {
    // Lena last beat at 11 s, Priya at 12 s, Leo at 15 s.
    expect((await heartbeatTicketView(leo, number, at(42))).map((v) => v.userId)).toEqual(["l2agent"]);
    expect(await heartbeatTicketView(leo, number, at(43))).toEqual([]);
  });

  it("asking who is there (a pushed arrival) lists the others and records nothing", async () => {
    await heartbeatTicketView(lena, number, at(44)); // Leo beat at 43 s: both present
    const before = await database().db.ticketViewer.findMany({ where: { ticket: { number } }, orderBy: { userId: "asc" } });
    expect((await listTicketViewers(priya, number, at(45))).map((v) => v.userId)).toEqual(["l1agent2", "l1agent"]);
    expect(await database().db.ticketViewer.findMany({ where: { ticket: { number } }, orderBy: { userId: "asc" } })).toEqual(before);
    await expect(listTicketViewers(customer, number, at(45))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTicketViewers(otherCustomer, number, at(45))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers 404 for an unknown or malformed number and for a customer's other tickets, 403 for the customer's own", async () => {
    await expect(heartbeatTicketView(lena, "INC-999999", at(50))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(heartbeatTicketView(lena, "not-a-number", at(50))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(heartbeatTicketView(otherCustomer, number, at(50))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(heartbeatTicketView(customer, number, at(50))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const customerRows = await database().db.ticketViewer.count({ where: { userId: { in: [customer.id, otherCustomer.id] } } });
    expect(customerRows).toBe(0);
  });
});
