import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// The hand-off carries its context: summary, SOP steps, who to whom on the events API; the agent who handed a
// ticket on may still add notes; files of an internal note never reach the customer.

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const LOG = new TextEncoder().encode("2026-11-30T09:01:00Z ERROR gateway 500\n");
const log = (name: string) => new File([LOG], name, { type: "text/plain" });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tierdesk-handoff-"));
  process.env.ATTACHMENTS_DIR = dir;
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

describeEachDatabase("hand-off context", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l2: Actor;
  let l3: Actor;
  let number = "";

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l2 = await actorFor(database().db, "l2agent");
    l3 = await actorFor(database().db, "l3agent");
    number = (await createTicket(customer, { type: "INCIDENT", title: "Gateway answers 500", description: "Every call fails.", category: "platform" }, at(0))).number;
    await claimTicket(l1, number, at(1));
  });

  it("the events API returns an escalation's hand-off: from whom, to which tier and group, reason, summary and steps", async () => {
    await escalateTicket(
      l1,
      number,
      { reason: "Needs platform logs", summary: "**Reproduced** on two tenants.", stepsDone: ["Check the status page", "Record the exact error text"] },
      at(10),
    );
    const escalated = (await listEvents(l2, number)).findLast((e) => e.type === "ESCALATED");
    expect(escalated?.handoff).toEqual({
      kind: "ESCALATION",
      by: { userId: "l1agent", name: l1.name },
      from: { tier: "L1", group: { slug: "service-desk", name: "Service Desk", l4Kind: null } },
      to: { tier: "L2", group: { slug: "platform-support", name: "Platform Support", l4Kind: null }, assignee: "l2agent" },
      reason: "Needs platform logs",
      summary: "**Reproduced** on two tenants.",
      stepsDone: ["Check the status page", "Record the exact error text"],
      externalReference: null,
      openRequiredSteps: [],
      sopOverride: null,
    });
    // Customers see the public story only: no hand-off.
    expect((await listEvents(customer, number)).every((e) => e.handoff === null)).toBe(true);
  });

  it("the agent who escalated may still add an internal note, with a file, but not a public reply", async () => {
    const note = await addComment(l1, number, { body: "Customer called: also fails on mobile.", visibility: "INTERNAL" }, at(12));
    expect(note.visibility).toBe("INTERNAL");
    await expect(addComment(l1, number, { body: "Hello", visibility: "PUBLIC" }, at(13))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { attachments } = await replyWithAttachments(l1, number, { body: "The HAR file.", visibility: "INTERNAL" }, [log("l1.har")], at(14));
    expect(attachments.map((a) => a.fileName)).toEqual(["l1.har"]);
    // Another L1 agent, who did not hand it on, may not.
    const leo = await actorFor(database().db, "l1agent2");
    await expect(addComment(leo, number, { body: "Me too", visibility: "INTERNAL" }, at(15))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("files of an internal note are listed for staff and never for the customer, whose download is 404", async () => {
    const { attachments } = await replyWithAttachments(l2, number, { body: "Gateway log, internal.", visibility: "INTERNAL" }, [log("gateway.log")], at(20));
    const { attachments: shared } = await replyWithAttachments(l2, number, { body: "Your log, thanks.", visibility: "PUBLIC" }, [log("shared.log")], at(21));
    const internalId = attachments[0]!.id;
    expect((await listTicketAttachments(l2, number)).map((a) => a.fileName)).toEqual(["l1.har", "gateway.log", "shared.log"]);
    expect((await listTicketAttachments(customer, number)).map((a) => a.fileName)).toEqual(["shared.log"]);
    await expect(getAttachmentFile(customer, number, internalId)).rejects.toMatchObject({ status: 404 });
    await expect(getAttachmentFile(customer, number, shared[0]!.id)).resolves.toMatchObject({ fileName: "shared.log" });
    await expect(getAttachmentFile(l1, number, internalId)).resolves.toMatchObject({ fileName: "gateway.log" });
  });

  it("a return's guidance, an L4 hand-off with its reference, and the vendor's reply are hand-offs too", async () => {
    await returnTicket(l2, number, { guidance: "Ask for a HAR file." }, at(30));
    const returned = (await listEvents(l1, number)).findLast((e) => e.type === "RETURNED");
    expect(returned?.handoff).toMatchObject({ kind: "RETURN", by: { userId: "l2agent" }, from: { tier: "L2" }, to: { tier: "L1", assignee: "l1agent" }, summary: "Ask for a HAR file." });
    // L2, having returned it, may still note.
    await expect(addComment(l2, number, { body: "Watch the gateway dashboard.", visibility: "INTERNAL" }, at(31))).resolves.toMatchObject({ visibility: "INTERNAL" });

    await escalateTicket(l1, number, { reason: "HAR attached", summary: "See HAR." }, at(40));
    await escalateTicket(l2, number, { reason: "Gateway bug", summary: "Null pointer in auth filter." }, at(50));
    await escalateTicket(l3, number, { reason: "Vendor defect", summary: "Reproduced on the vendor sample.", toGroup: "cloud-vendor", externalReference: "CV-4711" }, at(60));
    await returnTicket(l3, number, { guidance: "Patched in gateway 2.3.1; upgrade the tenant." }, at(90));
    const events = await listEvents(l3, number);
    expect(events.findLast((e) => e.type === "ESCALATED")?.handoff).toMatchObject({
      kind: "L4_HANDOFF",
      to: { tier: "L4", group: { slug: "cloud-vendor", l4Kind: "VENDOR" } },
      externalReference: "CV-4711",
    });
    expect(events.at(-1)?.handoff).toMatchObject({
      kind: "L4_REPLY",
      by: { userId: "l3agent" },
      from: { tier: "L4", group: { slug: "cloud-vendor", name: "Cloud Vendor", l4Kind: "VENDOR" } },
      to: { tier: "L3" },
      summary: "Patched in gateway 2.3.1; upgrade the tenant.",
      externalReference: "CV-4711",
    });
  });
});
