import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { createCategory } from "@/lib/admin/create-category";
import { createKbArticle } from "@/lib/admin/create-kb-article";
import { createPerson } from "@/lib/admin/create-person";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { getKbArticle } from "@/lib/admin/get-kb-article";
import { getSupportCalendar } from "@/lib/admin/get-support-calendar";
import { issuePin } from "@/lib/admin/issue-pin";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { runWhatIf } from "@/lib/admin/run-what-if";
import { updateCategory } from "@/lib/admin/update-category";
import { updateKbArticle } from "@/lib/admin/update-kb-article";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { searchCustomers } from "@/lib/customers/search-customers";
import { AppError } from "@/lib/errors";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { searchCustomerArticles } from "@/lib/kb/search-articles";
import { countSelfService } from "@/lib/kb/self-service-counts";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { getPriorityMatrix, publishPriorityMatrix } from "@/lib/routing/priority-matrix";
import { returnTicket } from "@/lib/routing/return";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { reopenTicket } from "@/lib/tickets/customer-actions";
import { listCustomerTickets } from "@/lib/tickets/customer-tickets";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import { findQueue } from "@/lib/tickets/find-queue";
import { rateTicket } from "@/lib/tickets/rate-ticket";
import { listTicketsFor } from "@/lib/tickets/ticket-for-actor";
import { NUL_MESSAGE } from "@/lib/validation/text";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 12: bad input is a 400, never a 500. Every lib service entry that takes text or a cursor (routes and
// server actions are thin wrappers over them) gets the same corpus: a NUL byte (PostgreSQL cannot store it)
// and an int4-overflowing cursor are refused as VALIDATION naming the field; emoji and right-to-left text pass.
const NUL = "bad\u0000input";
const EMOJI_RTL = "😀 مرحبا";
const HUGE = "2147483648";

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

function expectInvalid(error: unknown, field: string, message?: string) {
  expect(error, `expected a VALIDATION error naming ${field}`).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "VALIDATION", status: 400 });
  const fields = (error as AppError).fields ?? {};
  expect(Object.keys(fields), JSON.stringify(fields)).toContain(field);
  if (message) expect(fields[field]).toContain(message);
}

describeEachDatabase("bad input is a 400, never a 500", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l2: Actor;
  let manager: Actor;
  let admin: Actor;
  let minute = 0;
  const tick = () => new Date(Date.UTC(2026, 10, 2, 9, minute++));
  let serial = 0;
  const next = () => `${++serial}`;

  const newTicket = () => createTicket(customer, { type: "INCIDENT", title: "Cannot sign in", description: "Since today.", category: "access" }, tick());
  const claimedTicket = async () => {
    const { number } = await newTicket();
    return claimTicket(l1, number, tick());
  };
  const escalatedTicket = async () => {
    const { number } = await claimedTicket();
    return escalateTicket(l1, number, { reason: "Needs L2", summary: "Tried the basics." }, tick());
  };
  const resolvedTicket = async () => {
    const claimed = await claimedTicket();
    return updateTicket(l1, claimed.number, { version: claimed.version, status: "RESOLVED" }, tick());
  };
  const calendarInput = async () => {
    const { timeZone, workdays, opensAt, closesAt, holidays } = await getSupportCalendar(admin);
    return { timeZone, workdays, opensAt, closesAt, holidays };
  };
  const matrixInput = async () => {
    const { version, cells, targets } = await getPriorityMatrix(admin);
    return { version, cells, targets };
  };

  /** Entries that take free text: NUL is refused on `field`, emoji and RTL text are accepted. */
  const freeText: { name: string; field: string; call: (text: string) => Promise<unknown> }[] = [
    { name: "createTicket title", field: "title", call: (t) => createTicket(customer, { type: "INCIDENT", title: t, description: "d", category: "access" }, tick()) },
    { name: "createTicket description", field: "description", call: (t) => createTicket(customer, { type: "INCIDENT", title: "Title", description: t, category: "access" }, tick()) },
    {
      name: "createTicket resolution (staff, first contact)",
      field: "resolution",
      call: (t) => createTicket(l1, { type: "INCIDENT", title: "Title", description: "d", category: "access", customer: "C1001", channel: "PHONE", claim: true, resolution: t }, tick()),
    },
    { name: "searchCustomers q", field: "q", call: (t) => searchCustomers(l1, { q: t }) },
    { name: "addComment body (customer)", field: "body", call: async (t) => addComment(customer, (await newTicket()).number, { body: t }, tick()) },
    { name: "addComment body (agent)", field: "body", call: async (t) => addComment(l1, (await claimedTicket()).number, { body: t, visibility: "INTERNAL" }, tick()) },
    { name: "escalateTicket reason", field: "reason", call: async (t) => escalateTicket(l1, (await claimedTicket()).number, { reason: t, summary: "s" }, tick()) },
    { name: "escalateTicket summary", field: "summary", call: async (t) => escalateTicket(l1, (await claimedTicket()).number, { reason: "r", summary: t }, tick()) },
    { name: "returnTicket guidance", field: "guidance", call: async (t) => returnTicket(l2, (await escalatedTicket()).number, { guidance: t }, tick()) },
    {
      name: "requestEscalation reason",
      field: "reason",
      call: async (t) => {
        const { number, version } = await claimedTicket();
        return requestEscalation(customer, number, { version, reason: t }, tick());
      },
    },
    {
      name: "acknowledgeAlert note",
      field: "note",
      call: async (t) => {
        const { number, version } = await claimedTicket();
        await requestEscalation(customer, number, { version, reason: "Urgent for us." }, tick());
        const alert = await database().db.alert.findFirstOrThrow({ where: { ticket: { number } } });
        return acknowledgeAlert(manager, String(alert.id), { note: t }, tick());
      },
    },
    {
      name: "reopenTicket reason",
      field: "reason",
      call: async (t) => {
        const { number, version } = await resolvedTicket();
        return reopenTicket(customer, number, { version, reason: t }, tick());
      },
    },
    { name: "rateTicket comment", field: "comment", call: async (t) => rateTicket(customer, (await resolvedTicket()).number, { score: 4, comment: t }, tick()) },
    { name: "recordDeflection query", field: "query", call: (t) => recordDeflection(customer, "help-access", { query: t }, tick()) },
    { name: "searchCustomerArticles q", field: "q", call: (t) => searchCustomerArticles({ q: t }) },
    { name: "findQueue q", field: "q", call: (t) => findQueue(l1, { q: t }, tick()) },
    { name: "listAuditEvents entity", field: "entity", call: (t) => listAuditEvents(admin, { entity: t }) },
    { name: "createPerson name", field: "name", call: (t) => createPerson(admin, { userId: `P${next()}x`, name: t, role: "CUSTOMER" }) },
    { name: "createSupportGroup name", field: "name", call: (t) => createSupportGroup(admin, { slug: `group-${next()}`, name: t, tier: "L2", assignmentMode: "PULL" }) },
    { name: "updateSupportGroup name", field: "name", call: (t) => updateSupportGroup(admin, { slug: "service-desk", name: t, assignmentMode: "PULL", members: ["l1agent", "l1agent2"] }) },
    { name: "createCategory name", field: "name", call: (t) => createCategory(admin, { slug: `cat-${next()}`, name: t, defaultImpact: "LOW", defaultUrgency: "LOW" }) },
    { name: "createCategory description", field: "description", call: (t) => createCategory(admin, { slug: `cat-${next()}`, name: "N", description: t, defaultImpact: "LOW", defaultUrgency: "LOW" }) },
    {
      name: "updateCategory description",
      field: "description",
      call: (t) => updateCategory(admin, { slug: "access", name: "Access", description: t, defaultImpact: "MEDIUM", defaultUrgency: "MEDIUM", sopArticle: "sop-access", l2Group: "" }),
    },
    { name: "createKbArticle title", field: "title", call: (t) => createKbArticle(admin, { slug: `kb-${next()}`, title: t, body: "b", audience: "CUSTOMER" }) },
    { name: "createKbArticle body", field: "body", call: (t) => createKbArticle(admin, { slug: `kb-${next()}`, title: "T", body: t, audience: "AGENT" }) },
    { name: "updateKbArticle body", field: "body", call: (t) => updateKbArticle(admin, { slug: "help-access", title: "I cannot sign in", body: t, audience: "CUSTOMER", category: "access" }) },
    {
      name: "updateSupportCalendar holiday name",
      field: "holidays.0.name",
      call: async (t) => updateSupportCalendar(admin, { ...(await calendarInput()), holidays: [{ date: "2026-12-25", name: t }] }),
    },
    { name: "publishPriorityMatrix note", field: "note", call: async (t) => publishPriorityMatrix(admin, { ...(await matrixInput()), note: t }) },
    {
      name: "runWhatIf draft note",
      field: "draft.note",
      call: async (t) => {
        const { cells, targets } = await matrixInput();
        return runWhatIf(admin, { from: "2026-11-01", to: "2026-11-02", draft: { cells, targets, note: t } }, { now: tick() });
      },
    },
  ];

  /** Entries that take identifiers (user IDs, keys, slugs, formats): NUL is refused on `field`. */
  const identifiers: { name: string; field: string; call: (text: string) => Promise<unknown> }[] = [
    { name: "createTicket customer (staff)", field: "customer", call: (t) => createTicket(l1, { type: "INCIDENT", title: "Title", description: "d", category: "access", customer: t, channel: "PHONE" }, tick()) },
    { name: "assignTicket userId", field: "userId", call: async (t) => assignTicket(manager, (await newTicket()).number, { userId: t }, tick()) },
    { name: "escalateTicket externalReference", field: "externalReference", call: async (t) => escalateTicket(l1, (await claimedTicket()).number, { reason: "r", summary: "s", externalReference: t }, tick()) },
    { name: "createPerson userId", field: "userId", call: (t) => createPerson(admin, { userId: t, name: "N", role: "CUSTOMER" }) },
    { name: "createPerson email", field: "email", call: (t) => createPerson(admin, { userId: `E${next()}x`, name: "N", role: "CUSTOMER", email: `${t}@example.com` }) },
    { name: "createPerson organization", field: "organization", call: (t) => createPerson(admin, { userId: `O${next()}x`, name: "N", role: "CUSTOMER", organization: t }) },
    { name: "issuePin userId", field: "userId", call: (t) => issuePin(admin, { userId: t }, tick()) },
    { name: "resetStaffPassword userId", field: "userId", call: (t) => resetStaffPassword(admin, { userId: t }, tick()) },
    { name: "deactivatePerson userId", field: "userId", call: (t) => deactivatePerson(admin, { userId: t }) },
    { name: "clearLoginThrottle key", field: "key", call: (t) => clearLoginThrottle(admin, { key: `user:${t}` }) },
    { name: "updateSupportGroup leads", field: "leads.0", call: (t) => updateSupportGroup(admin, { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: ["l1agent", "l1agent2"], leads: [t] }) },
    { name: "updateSupportGroup members", field: "members.0", call: (t) => updateSupportGroup(admin, { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: [t] }) },
    { name: "updateSupportCalendar timeZone", field: "timeZone", call: async (t) => updateSupportCalendar(admin, { ...(await calendarInput()), timeZone: t }) },
    { name: "findMetricTickets agent", field: "agent", call: (t) => findMetricTickets(manager, { metric: "assigned", agent: t }, tick()) },
    { name: "getEscalationMetrics category", field: "category", call: (t) => getEscalationMetrics(manager, { category: t }, tick()) },
    { name: "countSelfService from", field: "from", call: (t) => countSelfService(manager, { from: t, to: "2026-12-01" }) },
    { name: "createTicket idempotencyKey", field: "idempotencyKey", call: (t) => createTicket(customer, { type: "INCIDENT", title: "Title", description: "d", category: "access", idempotencyKey: `key-${t}` }, tick()) },
  ];

  /** Entries that take a cursor or a version compared with an int4 column. */
  const numbers: { name: string; field: string; call: (value: string) => Promise<unknown>; valid: string }[] = [
    { name: "listOpenAlerts after", field: "after", call: (c) => listOpenAlerts(manager, { after: c }), valid: "2147483647" },
    { name: "listTicketsFor cursor (customer)", field: "cursor", call: (c) => listTicketsFor(customer, { cursor: c }), valid: "2147483647" },
    { name: "listTicketsFor cursor (staff)", field: "cursor", call: (c) => listTicketsFor(l1, { cursor: c }), valid: "2147483647" },
    { name: "listCustomerTickets cursor", field: "cursor", call: (c) => listCustomerTickets(customer, { cursor: c }), valid: "2147483647" },
    { name: "findQueue cursor", field: "cursor", call: (c) => findQueue(l1, { cursor: `priority.asc.P1.${c}` }, tick()), valid: "2147483647" },
    { name: "findMetricTickets cursor", field: "cursor", call: (c) => findMetricTickets(manager, { metric: "opened", cursor: c }, tick()), valid: "2147483647" },
    { name: "listAuditEvents cursor", field: "cursor", call: (c) => listAuditEvents(admin, { cursor: c }), valid: "2147483647" },
    {
      name: "updateTicket version",
      field: "version",
      call: async (v) => updateTicket(l1, (await claimedTicket()).number, { version: Number(v), status: "IN_PROGRESS" }, tick()),
      valid: "",
    },
    {
      name: "requestEscalation version",
      field: "version",
      call: async (v) => requestEscalation(customer, (await newTicket()).number, { version: v, reason: "Please hurry." }, tick()),
      valid: "",
    },
    { name: "publishPriorityMatrix version", field: "version", call: async (v) => publishPriorityMatrix(admin, { ...(await matrixInput()), version: Number(v) }), valid: "" },
  ];

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l2 = await actorFor(database().db, "l2agent");
    manager = await actorFor(database().db, "manager");
    admin = await actorFor(database().db, "admin");
  });

  describe("free text", () => {
    for (const entry of freeText) {
      it(`${entry.name}: NUL is a 400 on ${entry.field}; emoji and RTL text are stored`, async () => {
        expectInvalid(await errorOf(entry.call(NUL)), entry.field, NUL_MESSAGE);
        await expect(entry.call(EMOJI_RTL)).resolves.toBeDefined();
      });
    }
  });

  describe("identifiers", () => {
    for (const entry of identifiers) {
      it(`${entry.name}: NUL is a 400 on ${entry.field}`, async () => {
        expectInvalid(await errorOf(entry.call(NUL)), entry.field);
      });
    }
  });

  describe("cursors and versions", () => {
    for (const entry of numbers) {
      it(`${entry.name}: ${HUGE} is a 400 on ${entry.field}`, async () => {
        expectInvalid(await errorOf(entry.call(HUGE)), entry.field);
        expectInvalid(await errorOf(entry.call("9".repeat(30))), entry.field);
        if (entry.valid) await expect(entry.call(entry.valid)).resolves.toBeDefined();
      });
    }
  });

  it("stores emoji and right-to-left text as given", async () => {
    const ticket = await createTicket(customer, { type: "INCIDENT", title: EMOJI_RTL, description: `${EMOJI_RTL} ‏שלום`, category: "access" }, tick());
    expect(ticket).toMatchObject({ title: EMOJI_RTL, description: `${EMOJI_RTL} ‏שלום` });
    const page = await findQueue(l1, { q: "مرحبا" }, tick());
    expect(page.rows.map((r) => r.number)).toContain(ticket.number);
  });

  it("reads an admin article or an attachment by a malformed id from the URL as none, not as a database error", async () => {
    await expect(getKbArticle(admin, `help-access${NUL}`)).resolves.toBeNull();
    const { number } = await newTicket();
    await expect(getAttachmentFile(customer, number, `00000000-0000-0000-0000-000000000000${NUL}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
