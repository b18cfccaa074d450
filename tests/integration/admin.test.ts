import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { createCategory } from "@/lib/admin/create-category";
import { createKbArticle } from "@/lib/admin/create-kb-article";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { deleteCategory } from "@/lib/admin/delete-category";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { deleteSupportGroup } from "@/lib/admin/delete-support-group";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { createPerson } from "@/lib/admin/create-person";
import { getKbArticle } from "@/lib/admin/get-kb-article";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { listKbArticles } from "@/lib/admin/list-kb-articles";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { updateCategory } from "@/lib/admin/update-category";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { updateKbArticle } from "@/lib/admin/update-kb-article";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { getSupportCalendar } from "@/lib/admin/get-support-calendar";
import { issuePin } from "@/lib/admin/issue-pin";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { listLoginThrottles } from "@/lib/admin/list-login-throttles";
import { listMatrixVersions } from "@/lib/admin/list-matrix-versions";
import { listPeople } from "@/lib/admin/list-people";
import { runWhatIf } from "@/lib/admin/run-what-if";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { getPriorityMatrix, publishPriorityMatrix } from "@/lib/routing/priority-matrix";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { recordArticleFeedback } from "@/lib/kb/record-feedback";
import { assignTicket } from "@/lib/routing/assign";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { ZCreateCategory, ZCreateSupportGroup, ZUpdateSupportGroup } from "@/lib/validation/admin-catalog";
import type { ZKbArticle } from "@/lib/validation/kb-article";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const refused = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

describeEachDatabase("admin services", (database) => {
  let acme: Actor;
  let l1: Actor;
  let manager: Actor;
  let admin: Actor;
  const auditCount = () => database().db.auditEvent.count();

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    manager = await actorFor(database().db, "manager");
    admin = await actorFor(database().db, "admin");
  });

  /** The current matrix as an editable draft, with HIGH × HIGH set to `priority`. */
  const draftWith = async (priority: "P1" | "P2") => {
    const { version, cells, targets } = await getPriorityMatrix(admin);
    return { version, cells: cells.map((c) => (c.impact === "HIGH" && c.urgency === "HIGH" ? { ...c, priority } : c)), targets };
  };

  it("refuses customers and agents everywhere, and managers where only admins write", async () => {
    const draft = await draftWith("P2");
    for (const actor of [acme, l1]) {
      await refused(listAuditEvents(actor, {}), "FORBIDDEN");
      await refused(listMatrixVersions(actor), "FORBIDDEN");
      await refused(runWhatIf(actor, { from: "2026-01-01", to: "2026-01-31", draft }), "FORBIDDEN");
      await refused(listPeople(actor), "FORBIDDEN");
      await refused(listLoginThrottles(actor), "FORBIDDEN");
      await refused(publishPriorityMatrix(actor, draft), "FORBIDDEN");
    }
    for (const actor of [acme, l1, manager]) {
      await refused(createPerson(actor, { userId: "C7777", name: "X", role: "CUSTOMER" }), "FORBIDDEN");
      await refused(issuePin(actor, { userId: "C1001" }), "FORBIDDEN");
      await refused(deactivatePerson(actor, { userId: "C1002" }), "FORBIDDEN");
      await refused(clearLoginThrottle(actor, { key: "user:c1001" }), "FORBIDDEN");
    }
    expect(await auditCount()).toBe(0);
    expect(await database().db.user.count({ where: { userId: "C7777" } })).toBe(0);
  });

  it("publishing writes a new version and its audit event together; a stale edit writes neither", async () => {
    const draft = await draftWith("P2");
    const published = await publishPriorityMatrix(manager, { ...draft, note: "P1 only for outages" });
    expect(published.version).toBe(draft.version + 1);
    const { events } = await listAuditEvents(admin, { entity: "PriorityMatrix" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { userId: "manager" }, action: "publish", before: { version: draft.version }, after: { version: draft.version + 1, note: "P1 only for outages" } });
    const cellOf = (m: unknown) => (m as { cells: { impact: string; urgency: string; priority: string }[] }).cells.find((c) => c.impact === "HIGH" && c.urgency === "HIGH")?.priority;
    expect(cellOf(events[0]!.before)).toBe("P1");
    expect(cellOf(events[0]!.after)).toBe("P2");

    await refused(publishPriorityMatrix(admin, draft), "CONFLICT"); // edited from the old version
    expect(await auditCount()).toBe(1);
    const versions = await listMatrixVersions(manager);
    expect(versions.map((v) => [v.version, v.publishedBy?.userId ?? null])).toEqual([[draft.version + 1, "manager"], [draft.version, null]]);
    expect(versions[1]!.cells.find((c) => c.impact === "HIGH" && c.urgency === "HIGH")?.priority).toBe("P1");

    // Back to P1 for the tests that follow.
    await publishPriorityMatrix(admin, { ...(await draftWith("P1")) });
  });

  it("what-if replays the period's tickets on the current matrix and on the draft, and publishes nothing", async () => {
    const created = new Date("2026-03-10T10:00:00Z");
    await createTicket(acme, { type: "INCIDENT", title: "Down", description: "All down", category: "platform", impact: "HIGH", urgency: "HIGH" }, created);
    await createTicket(acme, { type: "INCIDENT", title: "Slow", description: "Slow", category: "platform", impact: "MEDIUM", urgency: "MEDIUM" }, created);
    await createTicket(acme, { type: "INCIDENT", title: "Outside", description: "Outside", category: "platform", impact: "HIGH", urgency: "HIGH" }, new Date("2026-04-01T10:00:00Z"));
    const before = await database().db.priorityMatrixVersion.count();
    const result = await runWhatIf(admin, { from: "2026-03-01", to: "2026-03-31", draft: await draftWith("P2") }, { now: new Date("2026-03-10T10:20:00Z") });
    expect(result.current.tickets).toBe(2);
    expect(result.current.priorityMix).toMatchObject({ P1: 1, P2: 0, P3: 1 });
    expect(result.draft.priorityMix).toMatchObject({ P1: 0, P2: 1, P3: 1 });
    expect(result.reclassified).toBe(1);
    // Unanswered after 20 minutes: late for P1 (15 min), not for P2 (30 min) nor P3.
    expect(result.current.breaches.firstResponse).toBe(1);
    expect(result.draft.breaches.firstResponse).toBe(0);
    expect(result.changed).toBe(1);
    expect(result.changedTickets).toEqual([
      { number: expect.any(String), current: expect.objectContaining({ priority: "P1", firstResponse: "breached" }), draft: expect.objectContaining({ priority: "P2", firstResponse: "pending" }) },
    ]);
    expect(await database().db.priorityMatrixVersion.count()).toBe(before);

    // Progress after each batch, ending at the whole; a cancelled replay stops with an AbortError.
    const progress: { done: number; total: number }[] = [];
    await runWhatIf(admin, { from: "2026-03-01", to: "2026-03-31", draft: await draftWith("P2") }, { now: new Date("2026-03-10T10:20:00Z"), onProgress: (p) => void progress.push(p) });
    expect(progress).toEqual([{ done: 2, total: 2 }]);
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(runWhatIf(admin, { from: "2026-03-01", to: "2026-03-31", draft: await draftWith("P2") }, { signal: cancelled.signal })).rejects.toMatchObject({ name: "AbortError" });

    const bad = await refused(runWhatIf(admin, { from: "2026-03-31", to: "2026-03-01", draft: { cells: [], targets: [] } }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["draft.cells", "draft.targets"]));
  });

  it("creates a customer with a PIN shown once that signs in, and issues a new PIN that replaces it", async () => {
    const audits = await auditCount();
    const bad = await refused(createPerson(admin, { userId: "x", name: "", role: "AGENT" }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["name", "tier", "userId"]);
    await refused(createPerson(admin, { userId: "c9001", name: "Nadia New", role: "CUSTOMER", organization: "nowhere" }), "VALIDATION");
    expect(await auditCount()).toBe(audits);

    const { person, secret, secretKind } = await createPerson(admin, { userId: "c9001", name: "Nadia New", role: "CUSTOMER", organization: "acme" });
    expect(person).toMatchObject({ userId: "C9001", role: "CUSTOMER", organization: "acme", active: true });
    expect(secretKind).toBe("PIN");
    expect(secret).toMatch(/^\d{6}$/);
    const stored = await database().db.user.findUniqueOrThrow({ where: { userId: "C9001" } });
    expect(stored.secretHash).not.toContain(secret);
    expect((await authenticate("customer", { userId: "C9001", secret }, null)).ok).toBe(true);
    await refused(createPerson(admin, { userId: "C9001", name: "Again", role: "CUSTOMER" }), "CONFLICT");

    expect(stored.secretChangedAt).toBeNull();
    const { pin } = await issuePin(admin, { userId: "C9001" });
    expect(pin).toMatch(/^\d{6}$/);
    // A new PIN ends the sessions signed in with the old one.
    expect((await database().db.user.findUniqueOrThrow({ where: { userId: "C9001" } })).secretChangedAt).not.toBeNull();
    if (pin !== secret) expect((await authenticate("customer", { userId: "C9001", secret }, null)).ok).toBe(false);
    expect((await authenticate("customer", { userId: "C9001", secret: pin }, null)).ok).toBe(true);
    await refused(issuePin(admin, { userId: "l1agent" }), "VALIDATION");
    await refused(issuePin(admin, { userId: "nobody" }), "NOT_FOUND");

    const { events } = await listAuditEvents(admin, { entity: "User" });
    expect(events.map((e) => e.action)).toEqual(["issue-pin", "create"]);
    expect(JSON.stringify(events)).not.toContain(pin);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("creates staff with a generated password, deactivates people, and clears login throttling", async () => {
    const { person, secret, secretKind } = await createPerson(admin, { userId: "New.Agent", name: "Nico New", role: "AGENT", tier: "L2" });
    expect(person).toMatchObject({ userId: "new.agent", role: "AGENT", tier: "L2" });
    expect(secretKind).toBe("password");
    expect(secret.length).toBeGreaterThanOrEqual(12);
    expect((await authenticate("staff", { userId: "new.agent", secret }, null)).ok).toBe(true);

    const deactivated = await deactivatePerson(admin, { userId: "new.agent" });
    expect(deactivated.active).toBe(false);
    expect((await authenticate("staff", { userId: "new.agent", secret }, null)).ok).toBe(false);
    await refused(deactivatePerson(admin, { userId: "admin" }), "VALIDATION");

    expect(await authenticate("customer", { userId: "C1002", secret: "000000" }, "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    expect((await listLoginThrottles(admin)).map((t) => t.key)).toEqual(expect.arrayContaining(["ip:203.0.113.9", "user:c1002"]));
    await clearLoginThrottle(admin, { key: "user:c1002" });
    const left = (await listLoginThrottles(manager)).map((t) => t.key);
    expect(left).toContain("ip:203.0.113.9");
    expect(left).not.toContain("user:c1002");
    await refused(clearLoginThrottle(admin, { key: "user:c1002" }), "NOT_FOUND");
    await refused(clearLoginThrottle(admin, { key: "bogus" }), "VALIDATION");
    const { events } = await listAuditEvents(admin, { limit: 2 });
    expect(events.map((e) => [e.entity, e.action])).toEqual([["LoginThrottle", "clear"], ["User", "deactivate"]]);
  });

  it("edits the support calendar with field errors for bad input, and audits the change", async () => {
    const original = await getSupportCalendar(manager);
    expect(original).toMatchObject({ timeZone: "UTC", workdays: [1, 2, 3, 4, 5], opensAt: "08:00", closesAt: "18:00" });
    const input = { timeZone: original.timeZone, workdays: original.workdays, opensAt: original.opensAt, closesAt: original.closesAt, holidays: original.holidays };
    await refused(updateSupportCalendar(manager, input), "FORBIDDEN");
    await refused(updateSupportCalendar(l1, input), "FORBIDDEN");

    const audits = await auditCount();
    const bad = await refused(updateSupportCalendar(admin, { ...input, timeZone: "Mars/Olympus", opensAt: "19:00", workdays: [], holidays: [{ date: "2026-13-01", name: "" }] }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["timeZone", "workdays", "holidays.0.date", "holidays.0.name"]));
    const backwards = await refused(updateSupportCalendar(admin, { ...input, opensAt: "19:00" }), "VALIDATION");
    expect(Object.keys(backwards.fields ?? {})).toEqual(["closesAt"]);
    expect(await auditCount()).toBe(audits);

    const saved = await updateSupportCalendar(admin, { ...input, timeZone: "Europe/Berlin", workdays: [1, 2, 3, 4, 5, 6], opensAt: "07:30", holidays: [{ date: "2026-12-25", name: "Christmas" }] });
    expect(saved).toMatchObject({ timeZone: "Europe/Berlin", workdays: [1, 2, 3, 4, 5, 6], opensAt: "07:30", closesAt: "18:00", holidays: [{ date: "2026-12-25", name: "Christmas" }] });
    expect(await getSupportCalendar(admin)).toMatchObject({ timeZone: "Europe/Berlin", opensAt: "07:30" });
    const { events } = await listAuditEvents(admin, { entity: "SupportCalendar" });
    // Saving publishes the default calendar's next version; the audit holds both versions whole.
    expect(events[0]).toMatchObject({
      action: "publish",
      before: { slug: "default", timeZone: "UTC", windows: expect.arrayContaining([{ weekday: 1, opensAt: "08:00", closesAt: "18:00" }]) },
      after: { slug: "default", timeZone: "Europe/Berlin", windows: expect.arrayContaining([{ weekday: 6, opensAt: "07:30", closesAt: "18:00" }]) },
    });
    const versions = events[0]!.after as { version: number };
    expect(versions.version).toBe((events[0]!.before as { version: number }).version + 1);

    await updateSupportCalendar(admin, input); // back to the seeded calendar
  });

  it("creates and rewrites KB articles, with field errors for bad input, and audits both", async () => {
    const article = { slug: "reset-vpn", title: "Reset the VPN", body: "1. Open the client\n2. **Reconnect**", audience: "CUSTOMER", category: "access", published: true } satisfies z.input<typeof ZKbArticle>;
    await refused(createKbArticle(manager, article), "FORBIDDEN");
    await refused(createKbArticle(acme, article), "FORBIDDEN");
    await refused(listKbArticles(l1), "FORBIDDEN");
    const bad = await refused(createKbArticle(admin, unchecked({ ...article, slug: "Bad Slug", body: " ", audience: "EVERYONE", category: "Not a slug!" })), "VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["audience", "body", "category", "slug"]);
    await refused(createKbArticle(admin, { ...article, category: "no-such-category" }), "VALIDATION");
    expect(await getKbArticle(admin, "reset-vpn")).toBeNull();

    expect(await createKbArticle(admin, article)).toMatchObject({ slug: "reset-vpn", category: "access", audience: "CUSTOMER" });
    const duplicate = await refused(createKbArticle(admin, article), "VALIDATION");
    expect(duplicate.fields).toEqual({ slug: ["Another article has that slug."] });
    const updated = await updateKbArticle(admin, { ...article, title: "Reconnect the VPN", audience: "AGENT", category: "" });
    expect(updated).toMatchObject({ title: "Reconnect the VPN", audience: "AGENT", category: null });
    expect((await listKbArticles(manager)).some((a) => a.slug === "reset-vpn" && a.title === "Reconnect the VPN")).toBe(true);
    await refused(updateKbArticle(admin, { ...article, slug: "no-such-article" }), "NOT_FOUND");

    const { events } = await listAuditEvents(admin, { entity: "KbArticle" });
    expect(events.map((e) => e.action)).toEqual(["update", "create"]);
    expect(events[0]).toMatchObject({ before: { title: "Reset the VPN", audience: "CUSTOMER" }, after: { title: "Reconnect the VPN", audience: "AGENT" } });
  });

  it("edits groups (members of their tier only) and categories (agent SOPs, L2 groups), and audits both", async () => {
    const groups = await listSupportGroups(manager);
    const desk = groups.find((g) => g.slug === "service-desk")!;
    expect(desk.members.map((m) => m.userId).sort()).toEqual(["l1agent", "l1agent2"]);
    const input = { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: ["l1agent", "l1agent2"] } satisfies z.input<typeof ZUpdateSupportGroup>;
    await refused(updateSupportGroup(manager, input), "FORBIDDEN");
    const wrongTier = await refused(updateSupportGroup(admin, { ...input, members: ["l1agent", "l2agent"] }), "VALIDATION");
    expect(wrongTier.fields).toEqual({ members: ["Not an active L1 agent: l2agent."] });
    await refused(updateSupportGroup(admin, { ...input, l4Kind: "VENDOR" }), "VALIDATION");
    await refused(updateSupportGroup(admin, { slug: "cloud-vendor", name: "Cloud", assignmentMode: "PULL", l4Kind: "VENDOR", members: ["l3agent"] }), "VALIDATION");

    const saved = await updateSupportGroup(admin, { ...input, name: "Front Desk", assignmentMode: "AUTO", members: ["l1agent"] });
    expect(saved).toMatchObject({ name: "Front Desk", assignmentMode: "AUTO", members: [{ userId: "l1agent" }] });
    await updateSupportGroup(admin, input); // as seeded

    const categories = await listAdminCategories(manager);
    const access = categories.find((c) => c.slug === "access")!;
    await refused(updateCategory(l1, access), "FORBIDDEN");
    const bad = await refused(updateCategory(admin, { ...access, sopArticle: "help-access", l2Group: "engineering-support" }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["l2Group", "sopArticle"]);
    const taken = await refused(updateCategory(admin, { ...access, sopArticle: categories.find((c) => c.slug === "billing")!.sopArticle }), "VALIDATION");
    expect(taken.fields?.sopArticle).toEqual(["That article is already another category's SOP."]);

    const updated = await updateCategory(admin, { ...access, defaultUrgency: "HIGH", l2Group: "" });
    expect(updated).toMatchObject({ slug: "access", defaultUrgency: "HIGH", l2Group: "" });
    const { events } = await listAuditEvents(admin, { limit: 3 });
    expect(events.map((e) => [e.entity, e.action])).toEqual([["Category", "update"], ["SupportGroup", "update"], ["SupportGroup", "update"]]);
    await updateCategory(admin, access); // as seeded
  });

  it("keeps the audit trail append-only", async () => {
    await expect(database().db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(database().db.auditEvent.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
  });
});

describeEachDatabase("admin: creating and deleting groups, categories and articles; staff passwords", (database) => {
  let acme: Actor;
  let l1: Actor;
  let manager: Actor;
  let admin: Actor;
  const db = () => database().db;
  const auditCount = () => db().auditEvent.count();
  const conflict = async (promise: Promise<unknown>) => (await refused(promise, "CONFLICT")).message;
  const groupSlugs = async () => (await listSupportGroups(admin)).map((g) => g.slug);
  const categorySlugs = async () => (await listAdminCategories(admin)).map((c) => c.slug);

  beforeAll(async () => {
    await seedDemoData(db());
    acme = await actorFor(db(), "C1001");
    l1 = await actorFor(db(), "l1agent");
    manager = await actorFor(db(), "manager");
    admin = await actorFor(db(), "admin");
  });

  it("only admins create and delete: customers, agents and managers are refused and nothing changes", async () => {
    const group = { slug: "night-shift", name: "Night Shift", tier: "L2", assignmentMode: "PULL" } satisfies z.input<typeof ZCreateSupportGroup>;
    const category = { slug: "hardware", name: "Hardware", defaultImpact: "LOW", defaultUrgency: "LOW" } satisfies z.input<typeof ZCreateCategory>;
    for (const actor of [acme, l1, manager]) {
      await refused(createSupportGroup(actor, group), "FORBIDDEN");
      await refused(deleteSupportGroup(actor, { slug: "cloud-vendor" }), "FORBIDDEN");
      await refused(createCategory(actor, category), "FORBIDDEN");
      await refused(deleteCategory(actor, { slug: "integration" }), "FORBIDDEN");
      await refused(deleteKbArticle(actor, { slug: "help-integration" }), "FORBIDDEN");
      await refused(resetStaffPassword(actor, { userId: "l2agent" }), "FORBIDDEN");
    }
    expect(await auditCount()).toBe(0);
    expect(await groupSlugs()).not.toContain("night-shift");
    expect(await categorySlugs()).not.toContain("hardware");
    expect(await db().kbArticle.count({ where: { slug: "help-integration" } })).toBe(1);
  });

  it("creates a support group with field errors for bad input, and a duplicate slug is a field error", async () => {
    const bad = await refused(createSupportGroup(admin, unchecked({ slug: "Night Shift", name: " ", tier: "L9", assignmentMode: "SOMETIMES" })), "VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["assignmentMode", "name", "slug", "tier"]);
    const noKind = await refused(createSupportGroup(admin, { slug: "acme-vendor", name: "Acme Vendor", tier: "L4", assignmentMode: "PULL" }), "VALIDATION");
    expect(noKind.fields).toEqual({ l4Kind: ["An L4 group is a vendor or an engineering team."] });
    const kindBelowL4 = await refused(createSupportGroup(admin, { slug: "night-shift", name: "Night Shift", tier: "L2", assignmentMode: "PULL", l4Kind: "VENDOR" }), "VALIDATION");
    expect(kindBelowL4.fields).toEqual({ l4Kind: ["Only L4 groups have a kind."] });
    const taken = await refused(createSupportGroup(admin, { slug: "platform-support", name: "Again", tier: "L2", assignmentMode: "PULL" }), "VALIDATION");
    expect(taken.fields).toEqual({ slug: ["Another group has that slug."] });
    expect(await auditCount()).toBe(0);

    const created = await createSupportGroup(admin, { slug: "night-shift", name: "Night Shift", tier: "L2", assignmentMode: "PULL" });
    expect(created).toEqual({ slug: "night-shift", name: "Night Shift", tier: "L2", l4Kind: null, assignmentMode: "PULL", members: [], categories: [], calendar: null, vendorTargets: [] });
    const vendor = await createSupportGroup(admin, { slug: "acme-vendor", name: "Acme Vendor", tier: "L4", assignmentMode: "PULL", l4Kind: "VENDOR" });
    expect(vendor).toMatchObject({ tier: "L4", l4Kind: "VENDOR" });
    expect(await groupSlugs()).toEqual(expect.arrayContaining(["night-shift", "acme-vendor"]));
    const { events } = await listAuditEvents(admin, { entity: "SupportGroup" });
    expect(events.map((e) => e.action)).toEqual(["create", "create"]);
    expect(events[1]).toMatchObject({ actor: { userId: "admin" }, before: null, after: { slug: "night-shift", tier: "L2", assignmentMode: "PULL" } });
  });

  it("refuses to delete a group routing relies on or that members, categories or tickets still reference, naming them, and changes nothing", async () => {
    const audits = await auditCount();
    const defaultL2 = await conflict(deleteSupportGroup(admin, { slug: "platform-support" }));
    expect(defaultL2).toBe("Group platform-support cannot be deleted: it is the default L2 group escalations go to; 1 member: l2agent.");
    expect(await conflict(deleteSupportGroup(admin, { slug: "service-desk" }))).toContain("it is the L1 group every new ticket enters");
    expect(await conflict(deleteSupportGroup(admin, { slug: "engineering-support" }))).toContain("it is the default L3 group escalations go to");

    // A member.
    await updateSupportGroup(admin, { slug: "night-shift", name: "Night Shift", assignmentMode: "PULL", members: ["l2agent"] });
    expect(await conflict(deleteSupportGroup(admin, { slug: "night-shift" }))).toBe("Group night-shift cannot be deleted: 1 member: l2agent.");
    await updateSupportGroup(admin, { slug: "night-shift", name: "Night Shift", assignmentMode: "PULL", members: [] });

    // A category's L2 group.
    const data = (await listAdminCategories(admin)).find((c) => c.slug === "data")!;
    await updateCategory(admin, { ...data, l2Group: "night-shift" });
    expect(await conflict(deleteSupportGroup(admin, { slug: "night-shift" }))).toBe("Group night-shift cannot be deleted: it is the L2 group of category data.");
    await updateCategory(admin, data);

    // A ticket in it, and once it has moved on, its history.
    const ticket = await createTicket(acme, { type: "INCIDENT", title: "Night", description: "Night shift ticket", category: "data" });
    await assignTicket(manager, ticket.number, { group: "night-shift" });
    expect(await conflict(deleteSupportGroup(admin, { slug: "night-shift" }))).toBe("Group night-shift cannot be deleted: 1 ticket is in it.");
    await assignTicket(manager, ticket.number, { group: "platform-support" });
    expect(await conflict(deleteSupportGroup(admin, { slug: "night-shift" }))).toBe("Group night-shift cannot be deleted: tickets have passed through it, and their history names it.");

    expect(await groupSlugs()).toEqual(expect.arrayContaining(["platform-support", "service-desk", "night-shift"]));
    const { events } = await listAuditEvents(admin, { entity: "SupportGroup", limit: 10 });
    expect(events.filter((e) => e.action === "delete")).toEqual([]);
    expect(await auditCount()).toBe(audits + 4); // the two member edits and the two category edits only
  });

  it("deletes an unused group, audited with what it was; unknown and malformed slugs are 404 and 400", async () => {
    await deleteSupportGroup(admin, { slug: "acme-vendor" });
    expect(await groupSlugs()).not.toContain("acme-vendor");
    const { events } = await listAuditEvents(admin, { entity: "SupportGroup", limit: 1 });
    expect(events[0]).toMatchObject({ action: "delete", before: { slug: "acme-vendor", tier: "L4", l4Kind: "VENDOR" }, after: null });
    await refused(deleteSupportGroup(admin, { slug: "acme-vendor" }), "NOT_FOUND");
    const bad = await refused(deleteSupportGroup(admin, { slug: "Not A Slug" }), "VALIDATION");
    expect(Object.keys(bad.fields ?? {})).toEqual(["slug"]);
  });

  it("creates a category with its SOP article and L2 group, with field errors for bad input", async () => {
    const audits = await auditCount();
    await createKbArticle(admin, { slug: "sop-hardware", title: "Hardware SOP", body: "Check the cable.", audience: "AGENT" });
    const input = { slug: "hardware", name: "Hardware", description: "Laptops and phones", defaultImpact: "LOW", defaultUrgency: "MEDIUM", sopArticle: "sop-hardware", l2Group: "platform-support" } satisfies z.input<typeof ZCreateCategory>;
    const bad = await refused(createCategory(admin, unchecked({ ...input, slug: "Hard Ware", name: "", defaultImpact: "HUGE" })), "VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["defaultImpact", "name", "slug"]);
    const links = await refused(createCategory(admin, { ...input, sopArticle: "help-data", l2Group: "engineering-support" }), "VALIDATION");
    expect(links.fields).toEqual({ sopArticle: ["Choose an article written for agents."], l2Group: ["Choose an L2 group."] });
    const takenSop = await refused(createCategory(admin, { ...input, sopArticle: "sop-data" }), "VALIDATION");
    expect(takenSop.fields).toEqual({ sopArticle: ["That article is already another category's SOP."] });
    const takenSlug = await refused(createCategory(admin, { ...input, slug: "data" }), "VALIDATION");
    expect(takenSlug.fields).toEqual({ slug: ["Another category has that slug."] });
    expect(await categorySlugs()).not.toContain("hardware");
    expect(await auditCount()).toBe(audits + 1); // the SOP article only

    expect(await createCategory(admin, input)).toEqual(input);
    // Without SOP and L2 group: none, and the default group.
    expect(await createCategory(admin, { slug: "printers", name: "Printers", defaultImpact: "LOW", defaultUrgency: "LOW" })).toMatchObject({ slug: "printers", description: "", sopArticle: "", l2Group: "" });
    const { events } = await listAuditEvents(admin, { entity: "Category", limit: 2 });
    expect(events.map((e) => e.action)).toEqual(["create", "create"]);
    expect(events[1]).toMatchObject({ before: null, after: input });
  });

  it("refuses to delete a category while a ticket is filed under it; otherwise deletes it and its articles stay, uncategorized", async () => {
    await createKbArticle(admin, { slug: "help-printers", title: "Printer jams", body: "Open the tray.", audience: "CUSTOMER", category: "printers" });
    const ticket = await createTicket(acme, { type: "INCIDENT", title: "Jammed", description: "Paper jam", category: "printers" });
    const audits = await auditCount();
    expect(await conflict(deleteCategory(admin, { slug: "printers" }))).toBe("Category printers cannot be deleted: 1 ticket is filed under it.");
    expect(await categorySlugs()).toContain("printers");
    expect(await auditCount()).toBe(audits);

    // Reclassified under another category, the ticket no longer holds it; a category's SOP article is freed with it.
    await updateTicket(manager, ticket.number, { version: ticket.version, category: "data" });
    await deleteCategory(admin, { slug: "printers" });
    await deleteCategory(admin, { slug: "hardware" });
    expect(await categorySlugs()).not.toContain("printers");
    expect(await getKbArticle(admin, "help-printers")).toMatchObject({ category: null });
    const { events } = await listAuditEvents(admin, { entity: "Category", limit: 2 });
    expect(events[1]).toMatchObject({ action: "delete", before: { slug: "printers", articles: ["help-printers"] }, after: null });
    expect(events[0]).toMatchObject({ action: "delete", before: { slug: "hardware", sopArticle: "sop-hardware" }, after: null });
    await refused(deleteCategory(admin, { slug: "printers" }), "NOT_FOUND");
  });

  it("refuses to delete an SOP article (naming its category) or one whose self-service answers are counted; deletes others", async () => {
    const audits = await auditCount();
    expect(await conflict(deleteKbArticle(admin, { slug: "sop-data" }))).toBe("Article sop-data cannot be deleted: it is the SOP article of category data.");

    await recordDeflection(acme, "help-data", { query: "export" });
    await recordArticleFeedback(acme, "help-data", { helpful: true });
    expect(await conflict(deleteKbArticle(admin, { slug: "help-data" }))).toBe(
      "Article help-data cannot be deleted: the self-service figures count its 1 deflection and 1 feedback answer (unpublish it instead).",
    );
    expect(await db().deflection.count()).toBe(1);
    expect(await db().articleFeedback.count()).toBe(1);
    expect(await getKbArticle(admin, "help-data")).not.toBeNull();
    expect(await auditCount()).toBe(audits);

    // Freed by the deleted category above, sop-hardware is no SOP now; help-printers was never read.
    await deleteKbArticle(admin, { slug: "sop-hardware" });
    await deleteKbArticle(admin, { slug: "help-printers" });
    expect(await getKbArticle(admin, "sop-hardware")).toBeNull();
    const { events } = await listAuditEvents(admin, { entity: "KbArticle", limit: 1 });
    expect(events[0]).toMatchObject({ action: "delete", before: { slug: "help-printers", title: "Printer jams", category: null }, after: null });
    await refused(deleteKbArticle(admin, { slug: "help-printers" }), "NOT_FOUND");
  });

  it("resets a staff password: generated, shown once, stored as a hash, never in the audit trail; customers keep PINs", async () => {
    const audits = await auditCount();
    const customer = await refused(resetStaffPassword(admin, { userId: "C1001" }), "VALIDATION");
    expect(customer.fields).toEqual({ userId: ["Customers sign in with a PIN: issue a new PIN instead."] });
    await refused(resetStaffPassword(admin, { userId: "nobody" }), "NOT_FOUND");
    await refused(resetStaffPassword(admin, unchecked({})), "VALIDATION");
    expect(await auditCount()).toBe(audits);
    expect((await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, null)).ok).toBe(true);

    const resetAt = Date.now();
    const { userId, password } = await resetStaffPassword(admin, { userId: "l2agent" });
    expect(userId).toBe("l2agent");
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await db().user.findUniqueOrThrow({ where: { userId: "l2agent" } });
    // Sessions signed in with the old password end (sessionHolds, unit-tested, compares this with each session's sign-in).
    expect(stored.secretChangedAt!.getTime()).toBeGreaterThanOrEqual(resetAt);
    expect(stored.secretHash).toMatch(/^scrypt\$/);
    expect(stored.secretHash).not.toContain(password);
    expect((await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, null)).ok).toBe(false);
    expect((await authenticate("staff", { userId: "l2agent", secret: password }, null)).ok).toBe(true);

    const { events } = await listAuditEvents(admin, { entity: "User", limit: 1 });
    expect(events[0]).toMatchObject({ action: "reset-password", entityId: stored.id, before: { userId: "l2agent" }, after: { userId: "l2agent" } });
    expect(JSON.stringify(events)).not.toContain(password);
    expect(await auditCount()).toBe(audits + 1);
  });
});
