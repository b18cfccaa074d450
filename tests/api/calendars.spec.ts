import { expect, expectError, expectOk, test } from "./fixtures";

/** A slug no other run uses. */
const slugOf = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const hours = (name: string) => ({
  name,
  timeZone: "America/New_York",
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "18:00" })),
  holidays: [{ from: "2026-11-26", to: "2026-11-27", name: "Thanksgiving" }],
});

test("named calendars through the typed client: create, publish, versions, delete, and who may do what", async ({ api }) => {
  const admin = await api.as("admin");
  const manager = await api.as("manager");
  const slug = slugOf("nyc");
  const path = { params: { path: { slug } } };

  const { calendar } = expectOk(await admin.POST("/api/v1/admin/calendars", { body: { slug, ...hours("New York office"), note: "Opened." } }), 201);
  expect(calendar).toMatchObject({ slug, name: "New York office", builtIn: false, version: 1, publishedBy: "admin", usedBy: { organizations: [], groups: [], matrix: false } });
  expectError(await admin.POST("/api/v1/admin/calendars", { body: { slug, ...hours("Twice") } }), 409, "CONFLICT");
  expect(expectOk(await manager.GET("/api/v1/admin/calendars/{slug}", path)).calendar).toEqual(calendar);

  const published = expectOk(await admin.PUT("/api/v1/admin/calendars/{slug}", { ...path, body: { ...hours("New York office"), holidays: [], note: "No holidays." } })).calendar;
  expect(published).toMatchObject({ version: 2, holidays: [], note: "No holidays." });
  const { versions } = expectOk(await manager.GET("/api/v1/admin/calendars/{slug}/versions", path));
  expect(versions.map((v) => [v.version, v.publishedBy])).toEqual([
    [2, "admin"],
    [1, "admin"],
  ]);
  const { calendars } = expectOk(await manager.GET("/api/v1/admin/calendars"));
  expect(calendars[0]).toMatchObject({ slug: "24x7", builtIn: true });
  expect(calendars.map((c) => c.slug)).toContain(slug);

  // Bad hours: a 400 on each field at fault, and no version written.
  const bad = expectError(await admin.PUT("/api/v1/admin/calendars/{slug}", { ...path, body: hours("Bad\u0000name") }), 400, "VALIDATION");
  expect(Object.keys(bad.fields ?? {})).toEqual(["name"]);
  const badHours = expectError(
    await admin.PUT("/api/v1/admin/calendars/{slug}", {
      ...path,
      body: { ...hours("Bad hours"), timeZone: "Mars/Olympus_Mons", windows: [{ weekday: 1, opensAt: "09:00", closesAt: "12:00" }, { weekday: 1, opensAt: "11:00", closesAt: "13:00" }], holidays: [{ from: "2026-12-31", to: "2026-12-30", name: "Backwards" }] },
    }),
    400,
    "VALIDATION",
  );
  expect(Object.keys(badHours.fields ?? {}).sort()).toEqual(["holidays", "timeZone", "windows"]);
  expect(expectOk(await admin.GET("/api/v1/admin/calendars/{slug}/versions", path)).versions).toHaveLength(2);

  // Managers read but do not write; customers and agents do neither.
  expectError(await manager.PUT("/api/v1/admin/calendars/{slug}", { ...path, body: hours("Manager's") }), 403, "FORBIDDEN");
  expectError(await manager.DELETE("/api/v1/admin/calendars/{slug}", path), 403, "FORBIDDEN");
  expectError(await manager.POST("/api/v1/admin/calendars", { body: { slug: slugOf("mgr"), ...hours("Manager's") } }), 403, "FORBIDDEN");
  for (const who of ["customer", "l1"] as const) {
    const client = await api.as(who);
    expectError(await client.GET("/api/v1/admin/calendars"), 403, "FORBIDDEN");
    expectError(await client.GET("/api/v1/admin/calendars/{slug}/versions", path), 403, "FORBIDDEN");
  }

  // The built-in 24×7 and the matrix's default cannot go; unknown slugs are 404.
  expectError(await admin.PUT("/api/v1/admin/calendars/{slug}", { params: { path: { slug: "24x7" } }, body: hours("Not always") }), 409, "CONFLICT");
  expectError(await admin.DELETE("/api/v1/admin/calendars/{slug}", { params: { path: { slug: "24x7" } } }), 409, "CONFLICT");
  expectError(await admin.DELETE("/api/v1/admin/calendars/{slug}", { params: { path: { slug: "default" } } }), 409, "CONFLICT");
  expectError(await admin.GET("/api/v1/admin/calendars/{slug}", { params: { path: { slug: "no-such-calendar" } } }), 404, "NOT_FOUND");

  expect(expectOk(await admin.DELETE("/api/v1/admin/calendars/{slug}", path))).toEqual({ deleted: true });
  expectError(await admin.GET("/api/v1/admin/calendars/{slug}/versions", path), 404, "NOT_FOUND");
});

test("organizations and groups name their calendar; a calendar in use cannot be deleted", async ({ api }) => {
  const admin = await api.as("admin");
  const manager = await api.as("manager");
  const slug = slugOf("contract");
  const path = { params: { path: { slug } } };
  expectOk(await admin.POST("/api/v1/admin/calendars", { body: { slug, ...hours("Contract hours") } }), 201);

  const { organizations } = expectOk(await manager.GET("/api/v1/admin/organizations"));
  const acme = organizations.find((o) => o.slug === "acme")!;
  expect(acme).toBeDefined();
  const group = expectOk(await admin.GET("/api/v1/admin/groups")).groups.find((g) => g.slug === "platform-support")!;
  const groupBody = { slug: group.slug, name: group.name, assignmentMode: group.assignmentMode, members: group.members.map((m) => m.userId) };
  try {
    expect(expectOk(await admin.PUT("/api/v1/admin/organizations/{slug}", { params: { path: { slug: "acme" } }, body: { calendar: slug } })).organization).toEqual({ ...acme, calendar: slug });
    expect(expectOk(await admin.PUT("/api/v1/admin/groups", { body: { ...groupBody, calendar: slug } })).group.calendar).toBe(slug);
    expect(expectOk(await admin.GET("/api/v1/admin/calendars/{slug}", path)).calendar.usedBy).toEqual({ organizations: ["acme"], groups: ["platform-support"], matrix: false });

    const refusal = expectError(await admin.DELETE("/api/v1/admin/calendars/{slug}", path), 409, "CONFLICT");
    expect(refusal.message).toContain("organization acme");
    expect(refusal.message).toContain("group platform-support");

    const unknown = expectError(await admin.PUT("/api/v1/admin/organizations/{slug}", { params: { path: { slug: "acme" } }, body: { calendar: "no-such-calendar" } }), 400, "VALIDATION");
    expect(Object.keys(unknown.fields ?? {})).toEqual(["calendar"]);
    expectError(await admin.PUT("/api/v1/admin/organizations/{slug}", { params: { path: { slug: "no-such-org" } }, body: { calendar: null } }), 404, "NOT_FOUND");
    expectError(await manager.PUT("/api/v1/admin/organizations/{slug}", { params: { path: { slug: "acme" } }, body: { calendar: null } }), 403, "FORBIDDEN");
    expectError(await admin.PUT("/api/v1/admin/groups", { body: { ...groupBody, calendar: "no-such-calendar" } }), 400, "VALIDATION");
  } finally {
    // Back to the matrix default, so other journeys' clocks run as seeded.
    expectOk(await admin.PUT("/api/v1/admin/organizations/{slug}", { params: { path: { slug: "acme" } }, body: { calendar: null } }));
    expectOk(await admin.PUT("/api/v1/admin/groups", { body: { ...groupBody, calendar: null } }));
  }
  expect(expectOk(await manager.GET("/api/v1/admin/organizations")).organizations.find((o) => o.slug === "acme")?.calendar).toBeNull();
  expectOk(await admin.DELETE("/api/v1/admin/calendars/{slug}", path));
});
