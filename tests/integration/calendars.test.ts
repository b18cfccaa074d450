import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createCalendar } from "@/lib/admin/create-calendar";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { getCalendar, listCalendars, listCalendarVersions } from "@/lib/admin/list-calendars";
import { listOrganizations } from "@/lib/admin/list-organizations";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { updateOrganization } from "@/lib/admin/update-organization";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const refused = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

/** A Berlin office's hours: weekdays 09:00–17:00 with a lunch break on Friday, closed over Christmas. */
const berlin = (name = "Berlin office") => ({
  name,
  timeZone: "Europe/Berlin",
  windows: [
    ...[1, 2, 3, 4].map((weekday) => ({ weekday, opensAt: "09:00", closesAt: "17:00" })),
    { weekday: 5, opensAt: "09:00", closesAt: "12:00" },
    { weekday: 5, opensAt: "13:00", closesAt: "15:00" },
  ],
  holidays: [{ from: "2026-12-24", to: "2026-12-26", name: "Christmas" }],
});

describeEachDatabase("named calendars", (database) => {
  let customer: Actor;
  let agent: Actor;
  let manager: Actor;
  let admin: Actor;
  const db = () => database().db;
  /** What a refused write must leave untouched. */
  const counts = async () => ({ calendars: await db().supportCalendar.count(), versions: await db().calendarVersion.count(), audit: await db().auditEvent.count() });
  const stamp = async () => Number((await db().routingConfigStamp.findUniqueOrThrow({ where: { id: 1 } })).version);
  /** The group's update input as it stands, with `calendar` set (or left out when undefined). */
  const groupInput = async (slug: string, calendar?: string | null) => {
    const group = (await listSupportGroups(admin)).find((g) => g.slug === slug)!;
    return {
      slug,
      name: group.name,
      assignmentMode: group.assignmentMode,
      ...(group.l4Kind ? { l4Kind: group.l4Kind } : {}),
      members: group.members.map((m) => m.userId),
      ...(calendar === undefined ? {} : { calendar }),
    };
  };

  beforeAll(async () => {
    await seedDemoData(db());
    customer = await actorFor(db(), "C1001");
    agent = await actorFor(db(), "l1agent");
    manager = await actorFor(db(), "manager");
    admin = await actorFor(db(), "admin");
  });

  it("creates a calendar, reads it, publishes version 2 and lists both versions newest first with who published them", async () => {
    const created = await createCalendar(admin, { slug: "berlin-office", ...berlin(), note: "Opened." });
    expect(created).toMatchObject({
      slug: "berlin-office",
      name: "Berlin office",
      builtIn: false,
      version: 1,
      publishedBy: "admin",
      note: "Opened.",
      timeZone: "Europe/Berlin",
      holidays: [{ from: "2026-12-24", to: "2026-12-26", name: "Christmas" }],
      usedBy: { organizations: [], groups: [], matrix: false },
    });
    expect(created.windows).toHaveLength(6);
    expect(await getCalendar(manager, "berlin-office")).toEqual(created);

    const v2 = await publishCalendarVersion(admin, "berlin-office", {
      ...berlin("Berlin office (summer)"),
      windows: [{ weekday: 1, opensAt: "08:00", closesAt: "24:00" }],
      holidays: [{ from: "2026-08-01", name: "Summer party" }],
      note: "Summer hours.",
    });
    expect(v2).toMatchObject({ slug: "berlin-office", name: "Berlin office (summer)", version: 2, note: "Summer hours.", windows: [{ weekday: 1, opensAt: "08:00", closesAt: "24:00" }] });
    expect(v2.holidays).toEqual([{ from: "2026-08-01", to: "2026-08-01", name: "Summer party" }]);
    expect(await getCalendar(admin, "berlin-office")).toEqual(v2);

    const versions = await listCalendarVersions(manager, "berlin-office");
    expect(versions.map((v) => [v.version, v.publishedBy, v.note])).toEqual([
      [2, "admin", "Summer hours."],
      [1, "admin", "Opened."],
    ]);
    // Version 1 is kept as it was published.
    expect(versions[1]).toMatchObject({ windows: created.windows, holidays: created.holidays, timeZone: "Europe/Berlin" });

    const all = await listCalendars(manager);
    expect(all[0]).toMatchObject({ slug: "24x7", builtIn: true });
    expect(all.map((c) => c.slug)).toEqual(expect.arrayContaining(["24x7", "default", "berlin-office"]));

    const audit = await db().auditEvent.findMany({ where: { entity: "SupportCalendar" }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["create", "publish"]);
    expect(audit[1]).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
  });

  it("answers 404 for an unknown calendar on every verb", async () => {
    await refused(getCalendar(admin, "no-such-calendar"), "NOT_FOUND");
    await refused(listCalendarVersions(admin, "no-such-calendar"), "NOT_FOUND");
    await refused(publishCalendarVersion(admin, "no-such-calendar", berlin()), "NOT_FOUND");
    await refused(deleteCalendar(admin, "no-such-calendar"), "NOT_FOUND");
  });

  it("refuses to delete a calendar while a group or an organization runs on it, naming them, and deletes it once they are cleared", async () => {
    await createCalendar(admin, { slug: "night-shift", ...berlin("Night shift") });
    await updateSupportGroup(admin, await groupInput("platform-support", "night-shift"));
    await updateOrganization(admin, "acme", { calendar: "night-shift" });
    expect((await getCalendar(admin, "night-shift")).usedBy).toEqual({ organizations: ["acme"], groups: ["platform-support"], matrix: false });

    const before = await counts();
    const error = await refused(deleteCalendar(admin, "night-shift"), "CONFLICT");
    expect(error.message).toContain("organization acme");
    expect(error.message).toContain("group platform-support");
    expect(await counts()).toEqual(before);

    await updateSupportGroup(admin, await groupInput("platform-support", null));
    const stillOrganization = await refused(deleteCalendar(admin, "night-shift"), "CONFLICT");
    expect(stillOrganization.message).toContain("organization acme");
    expect(stillOrganization.message).not.toContain("platform-support");

    await updateOrganization(admin, "acme", { calendar: null });
    await deleteCalendar(admin, "night-shift");
    await refused(getCalendar(admin, "night-shift"), "NOT_FOUND");
    expect(await db().calendarVersion.count()).toBe(before.versions - 1);
    const deleted = await db().auditEvent.findFirstOrThrow({ where: { entity: "SupportCalendar", action: "delete" }, select: { before: true, after: true } });
    expect(deleted).toMatchObject({ before: { slug: "night-shift" }, after: null });
  });

  it("never changes or deletes the built-in 24×7, nor deletes the calendar the matrix runs on", async () => {
    const before = await counts();
    expect((await refused(publishCalendarVersion(admin, "24x7", berlin()), "CONFLICT")).message).toContain("built in");
    expect((await refused(deleteCalendar(admin, "24x7"), "CONFLICT")).message).toContain("built-in 24×7");
    expect((await refused(deleteCalendar(admin, "default"), "CONFLICT")).message).toContain("priority matrix");
    expect(await counts()).toEqual(before);
    expect(await getCalendar(admin, "24x7")).toMatchObject({ builtIn: true, version: 1 });
  });

  it("refuses a slug already taken with a 409 on slug", async () => {
    await createCalendar(admin, { slug: "taken", ...berlin() });
    const before = await counts();
    for (const slug of ["taken", "24x7", "default"]) {
      const error = await refused(createCalendar(admin, { slug, ...berlin("Another") }), "CONFLICT");
      expect(Object.keys(error.fields ?? {})).toEqual(["slug"]);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets managers read but not write, and refuses customers and agents everything", async () => {
    await createCalendar(admin, { slug: "read-only", ...berlin() });
    for (const actor of [customer, agent]) {
      await refused(listCalendars(actor), "FORBIDDEN");
      await refused(getCalendar(actor, "read-only"), "FORBIDDEN");
      await refused(listCalendarVersions(actor, "read-only"), "FORBIDDEN");
      await refused(listOrganizations(actor), "FORBIDDEN");
    }
    expect((await getCalendar(manager, "read-only")).slug).toBe("read-only");
    expect((await listOrganizations(manager)).map((o) => o.slug)).toContain("acme");
    const before = await counts();
    for (const actor of [customer, agent, manager]) {
      await refused(createCalendar(actor, { slug: "not-mine", ...berlin() }), "FORBIDDEN");
      await refused(publishCalendarVersion(actor, "read-only", berlin()), "FORBIDDEN");
      await refused(deleteCalendar(actor, "read-only"), "FORBIDDEN");
      await refused(updateOrganization(actor, "acme", { calendar: "read-only" }), "FORBIDDEN");
      await refused(updateSupportGroup(actor, await groupInput("platform-support", "read-only")), "FORBIDDEN");
    }
    expect(await counts()).toEqual(before);
    expect((await getCalendar(admin, "read-only")).usedBy).toEqual({ organizations: [], groups: [], matrix: false });
  });

  describe("bad input is a 400 naming the fields at fault, and writes nothing", () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ["overlapping windows on one weekday", { windows: [{ weekday: 2, opensAt: "09:00", closesAt: "13:00" }, { weekday: 2, opensAt: "12:00", closesAt: "17:00" }] }, ["windows"]],
      ["a window that closes before it opens", { windows: [{ weekday: 3, opensAt: "17:00", closesAt: "09:00" }] }, ["windows"]],
      ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, ["timeZone"]],
      ["a holiday range that ends before it starts", { holidays: [{ from: "2026-12-26", to: "2026-12-24", name: "Backwards" }] }, ["holidays"]],
      ["a NUL byte in the name", { name: "Berlin\u0000office" }, ["name"]],
      ["no windows at all, and a weekday 8", { windows: [], name: "" }, ["name", "windows"]],
      ["a time that is not HH:MM", { windows: [{ weekday: 8, opensAt: "9am", closesAt: "17:00" }] }, ["windows"]],
      ["a field nobody knows", { colour: "red" }, ["_"]],
    ];
    for (const [what, change, fields] of cases) {
      it(`${what}: on create and on publish`, async () => {
        const before = await counts();
        const onCreate = await refused(createCalendar(admin, { slug: "bad-input", ...berlin(), ...change }), "VALIDATION");
        expect(Object.keys(onCreate.fields ?? {}).map((f) => f.split(".")[0]).filter((f, i, all) => all.indexOf(f) === i).sort(), JSON.stringify(onCreate.fields)).toEqual(fields);
        const onPublish = await refused(publishCalendarVersion(admin, "berlin-office", { ...berlin(), ...change }), "VALIDATION");
        expect(Object.keys(onPublish.fields ?? {}).map((f) => f.split(".")[0]).filter((f, i, all) => all.indexOf(f) === i).sort()).toEqual(fields);
        expect(await counts()).toEqual(before);
      });
    }

    it("a slug that is not lower-case words, on create; on the path of every verb", async () => {
      const before = await counts();
      expect(Object.keys((await refused(createCalendar(admin, { slug: "Berlin Office", ...berlin() }), "VALIDATION")).fields ?? {})).toEqual(["slug"]);
      await refused(getCalendar(admin, "../etc"), "VALIDATION");
      await refused(publishCalendarVersion(admin, "x", berlin()), "VALIDATION");
      await refused(deleteCalendar(admin, "Default"), "VALIDATION");
      expect(await counts()).toEqual(before);
    });
  });

  it("accepts emoji and right-to-left text in a name and gives them back unchanged", async () => {
    const name = "מוקד תמיכה 🎧 مركز الدعم 👩🏽‍💻";
    expect((await createCalendar(admin, { slug: "rtl-emoji", ...berlin(name) })).name).toBe(name);
    expect((await getCalendar(admin, "rtl-emoji")).name).toBe(name);
    const renamed = `${name} ✅`;
    expect((await publishCalendarVersion(admin, "rtl-emoji", berlin(renamed))).name).toBe(renamed);
  });

  it("numbers 50 concurrent publications of one calendar 2 … 51, without a gap or a duplicate", async () => {
    await createCalendar(admin, { slug: "busy", ...berlin() });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => publishCalendarVersion(admin, "busy", { ...berlin(), note: `publication ${i}` })),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    const numbers = (await listCalendarVersions(admin, "busy")).map((v) => v.version);
    expect(numbers).toEqual(Array.from({ length: 51 }, (_, i) => 51 - i));
    // Each publication's own answer was its own version.
    const answered = outcomes.map((o) => (o.status === "fulfilled" ? o.value.version : 0)).sort((a, b) => a - b);
    expect(answered).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    // Every note made it into exactly one version.
    const notes = (await listCalendarVersions(admin, "busy")).map((v) => v.note).filter((n) => n.startsWith("publication"));
    expect(new Set(notes).size).toBe(50);
  });

  describe("an organization's and a group's calendar", () => {
    it("round-trips an organization's calendar, audited, and moves the routing config stamp", async () => {
      await createCalendar(admin, { slug: "acme-contract", ...berlin("Acme contract") });
      const stampBefore = await stamp();
      const auditBefore = await db().auditEvent.count({ where: { entity: "Organization" } });

      expect(await updateOrganization(admin, "acme", { calendar: "acme-contract" })).toEqual({ slug: "acme", name: "Acme", calendar: "acme-contract" });
      expect((await listOrganizations(admin)).find((o) => o.slug === "acme")).toEqual({ slug: "acme", name: "Acme", calendar: "acme-contract" });
      expect((await listOrganizations(admin)).find((o) => o.slug !== "acme")?.calendar).toBeNull();
      expect((await getCalendar(admin, "acme-contract")).usedBy.organizations).toEqual(["acme"]);
      expect(await stamp()).toBeGreaterThan(stampBefore);

      const audit = await db().auditEvent.findMany({ where: { entity: "Organization" }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true, actorId: true } });
      expect(audit).toHaveLength(auditBefore + 1);
      expect(audit.at(-1)).toMatchObject({ action: "update", actorId: admin.id, before: { slug: "acme", calendar: null }, after: { slug: "acme", calendar: "acme-contract" } });

      const stampMid = await stamp();
      expect((await updateOrganization(admin, "acme", { calendar: null })).calendar).toBeNull();
      expect(await stamp()).toBeGreaterThan(stampMid);
      expect((await getCalendar(admin, "acme-contract")).usedBy.organizations).toEqual([]);
    });

    it("refuses an unknown organization (404), an unknown calendar (400 on calendar) and a malformed body (400), changing nothing", async () => {
      await updateOrganization(admin, "acme", { calendar: "berlin-office" });
      const before = { ...(await counts()), stamp: await stamp() };
      await refused(updateOrganization(admin, "no-such-org", { calendar: null }), "NOT_FOUND");
      expect(Object.keys((await refused(updateOrganization(admin, "acme", { calendar: "no-such-calendar" }), "VALIDATION")).fields ?? {})).toEqual(["calendar"]);
      expect(Object.keys((await refused(updateOrganization(admin, "acme", unchecked({ calendar: 7 })), "VALIDATION")).fields ?? {})).toEqual(["calendar"]);
      expect(Object.keys((await refused(updateOrganization(admin, "acme", unchecked({})), "VALIDATION")).fields ?? {})).toEqual(["calendar"]);
      await refused(updateOrganization(admin, "acme", unchecked({ calendar: null, name: "Renamed" })), "VALIDATION");
      expect({ ...(await counts()), stamp: await stamp() }).toEqual(before);
      expect((await listOrganizations(admin)).find((o) => o.slug === "acme")?.calendar).toBe("berlin-office");
      await updateOrganization(admin, "acme", { calendar: null });
    });

    it("round-trips a group's calendar, leaves it alone when the update does not name it, audited, and moves the stamp", async () => {
      await createCalendar(admin, { slug: "l3-hours", ...berlin("L3 hours") });
      const stampBefore = await stamp();
      const set = await updateSupportGroup(admin, await groupInput("engineering-support", "l3-hours"));
      expect(set.calendar).toBe("l3-hours");
      expect(await stamp()).toBeGreaterThan(stampBefore);
      expect((await listSupportGroups(manager)).find((g) => g.slug === "engineering-support")?.calendar).toBe("l3-hours");
      expect((await listSupportGroups(manager)).find((g) => g.slug === "service-desk")?.calendar).toBeNull();

      const audit = await db().auditEvent.findFirstOrThrow({ where: { entity: "SupportGroup", action: "update" }, orderBy: { id: "desc" }, select: { before: true, after: true } });
      expect(audit).toMatchObject({ before: { slug: "engineering-support", calendar: null }, after: { slug: "engineering-support", calendar: "l3-hours" } });

      // An update without calendar leaves it; an unknown one is a 400 on calendar that changes nothing.
      const renamed = await updateSupportGroup(admin, { ...(await groupInput("engineering-support")), name: "Engineering Support (renamed)" });
      expect(renamed).toMatchObject({ name: "Engineering Support (renamed)", calendar: "l3-hours" });
      const before = await counts();
      const error = await refused(updateSupportGroup(admin, { ...(await groupInput("engineering-support", "no-such-calendar")), name: "Not saved" }), "VALIDATION");
      expect(Object.keys(error.fields ?? {})).toEqual(["calendar"]);
      expect(await counts()).toEqual(before);
      expect((await listSupportGroups(admin)).find((g) => g.slug === "engineering-support")).toMatchObject({ name: "Engineering Support (renamed)", calendar: "l3-hours" });

      // An L4 group names a calendar too; null goes back to the matrix version's.
      expect((await updateSupportGroup(admin, await groupInput("cloud-vendor", "24x7"))).calendar).toBe("24x7");
      expect((await updateSupportGroup(admin, await groupInput("cloud-vendor", null))).calendar).toBeNull();
      expect((await updateSupportGroup(admin, await groupInput("engineering-support", null))).calendar).toBeNull();
    });
  });
});
