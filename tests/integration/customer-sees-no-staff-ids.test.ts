import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { listCustomerTickets } from "@/lib/tickets/customer-tickets";
import { listEvents } from "@/lib/tickets/list-events";
import { listTicketsFor, readTicketFor } from "@/lib/tickets/ticket-for-actor";
import { listTimeline } from "@/lib/tickets/ticket-timeline";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 12: a staff login ID is half of a staff credential. A customer reading their own ticket learns
// who worked on it by display name only; staff keep seeing login IDs.
describeEachDatabase("customers never learn staff user IDs", (database) => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
  let customer: Actor;
  let l1: Actor;
  let number: string;
  let staffUserIds: string[];

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    ({ number } = await createTicket(customer, { type: "INCIDENT", title: "Printer jams", description: "Every page.", category: "access" }, at(0)));
    await claimTicket(l1, number, at(1));
    await addComment(l1, number, { body: "Looking into it.", visibility: "PUBLIC" }, at(2));
    await addComment(l1, number, { body: "Checked the spooler.", visibility: "INTERNAL" }, at(3));
    await addComment(customer, number, { body: "Thanks!" }, at(4));
    await escalateTicket(l1, number, { reason: "Needs platform access", summary: "Spooler restarted, no change." }, at(5));
    staffUserIds = (await database().db.user.findMany({ where: { role: { not: "CUSTOMER" } }, select: { userId: true } })).map((u) => u.userId);
    expect(staffUserIds).toContain("l1agent");
  });

  it("leaves every staff user ID out of the customer's events, timeline, conversation and ticket JSON", async () => {
    const views = {
      events: await listEvents(customer, number),
      timeline: await listTimeline(customer, number),
      conversation: await getCustomerConversation(customer, number),
      ticket: await readTicketFor(customer, number),
      list: await listTicketsFor(customer, {}),
      portalList: await listCustomerTickets(customer, {}),
    };
    // The staff reply is still attributed, by name.
    expect(views.events).toContainEqual(expect.objectContaining({ type: "COMMENTED", actor: { name: "Lena First" } }));
    expect(views.timeline).toContainEqual(expect.objectContaining({ kind: "comment", author: { name: "Lena First" } }));
    for (const [view, value] of Object.entries(views)) {
      const json = JSON.stringify(value);
      for (const userId of staffUserIds) expect(json.includes(userId), `${view} names ${userId}`).toBe(false);
    }
  });

  it("still shows staff their colleagues' user IDs", async () => {
    const json = JSON.stringify([await listEvents(l1, number), await listTimeline(l1, number)]);
    expect(json).toContain('"userId":"l1agent"');
    expect(json).toContain('"userId":"l2agent"');
  });
});
