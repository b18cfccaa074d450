import { expect, expectError, expectOk, test } from "./fixtures";

/** A slug no other run uses. */
const slugOf = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("an admin's configuration through the typed client: people, groups, categories, articles, macros, calendar, matrix", async ({ api }) => {
  const admin = await api.as("admin");

  // People: a customer with a PIN, a staff member with a password; new secrets; deactivation.
  const customerId = slugOf("cust").slice(0, 30);
  const customer = expectOk(await admin.POST("/api/v1/admin/people", { body: { userId: customerId, name: "Typed Client Customer", role: "CUSTOMER", organization: "acme" } }), 201);
  expect(customer).toMatchObject({ secretKind: "PIN", person: { role: "CUSTOMER" } });
  expect(expectOk(await admin.POST("/api/v1/admin/people/pin", { body: { userId: customer.person.userId } })).pin).toMatch(/^\d{6,8}$/);
  const agentId = slugOf("agent").slice(0, 30);
  const agent = expectOk(await admin.POST("/api/v1/admin/people", { body: { userId: agentId, name: "Typed Client Agent", role: "AGENT", tier: "L3" } }), 201);
  expect(agent.secretKind).toBe("password");
  expect(expectOk(await admin.POST("/api/v1/admin/people/password", { body: { userId: agent.person.userId } })).password.length).toBeGreaterThanOrEqual(12);
  expectError(await admin.POST("/api/v1/admin/people", { body: { userId: agentId, name: "Twice", role: "AGENT", tier: "L3" } }), 409, "CONFLICT");
  expect(expectOk(await admin.GET("/api/v1/admin/people")).people.map((p) => p.userId)).toContain(agent.person.userId);

  // A group, its members, and its removal; then a category with its article, and theirs.
  const group = slugOf("l3-team");
  expectOk(await admin.POST("/api/v1/admin/groups", { body: { slug: group, name: "Typed Client L3 team", tier: "L3", assignmentMode: "PULL" } }), 201);
  const updated = expectOk(await admin.PUT("/api/v1/admin/groups", { body: { slug: group, name: "Typed Client L3 team", assignmentMode: "PULL", members: [agent.person.userId] } }));
  expect(JSON.stringify(updated)).toContain(agent.person.userId);
  expect(expectOk(await admin.GET("/api/v1/admin/groups")).groups.map((g) => g.slug)).toContain(group);
  expectError(await admin.DELETE("/api/v1/admin/groups/{slug}", { params: { path: { slug: group } } }), 409, "CONFLICT");
  expectOk(await admin.PUT("/api/v1/admin/groups", { body: { slug: group, name: "Typed Client L3 team", assignmentMode: "PULL", members: [] } }));
  expectOk(await admin.DELETE("/api/v1/admin/groups/{slug}", { params: { path: { slug: group } } }));
  expectOk(await admin.POST("/api/v1/admin/people/deactivate", { body: { userId: agent.person.userId } }));

  const article = slugOf("sop");
  const articleBody = { slug: article, title: "Typed client SOP", body: "- [ ] Check the feed (required)", audience: "AGENT", published: true } as const;
  expectOk(await admin.POST("/api/v1/admin/kb-articles", { body: articleBody }), 201);
  expectOk(await admin.PUT("/api/v1/admin/kb-articles", { body: { ...articleBody, title: "Typed client SOP, revised" } }));
  expect(expectOk(await admin.GET("/api/v1/admin/kb-articles")).articles.map((a) => a.slug)).toContain(article);
  const category = slugOf("feeds");
  const categoryBody = { slug: category, name: "Data feeds", description: "Partner data feeds.", defaultImpact: "MEDIUM", defaultUrgency: "LOW", sopArticle: article, l2Group: "platform-support" } as const;
  expectOk(await admin.POST("/api/v1/admin/categories", { body: categoryBody }), 201);
  expectOk(await admin.PUT("/api/v1/admin/categories", { body: { ...categoryBody, name: "Partner data feeds" } }));
  expect(expectOk(await admin.GET("/api/v1/admin/categories")).categories.map((c) => c.slug)).toContain(category);
  expectError(await admin.DELETE("/api/v1/admin/kb-articles/{slug}", { params: { path: { slug: article } } }), 409, "CONFLICT");
  expectOk(await admin.DELETE("/api/v1/admin/categories/{slug}", { params: { path: { slug: category } } }));
  expectOk(await admin.DELETE("/api/v1/admin/kb-articles/{slug}", { params: { path: { slug: article } } }));

  // Macros.
  const { macro } = expectOk(await admin.POST("/api/v1/admin/macros", { body: { title: slugOf("Macro"), body: "Hello {{customer.name}}.", visibility: "PUBLIC" } }), 201);
  const macroPath = { params: { path: { macroId: macro.id } } };
  expectOk(await admin.PUT("/api/v1/admin/macros/{macroId}", { ...macroPath, body: { title: macro.title, body: "Hi {{customer.name}}.", visibility: "PUBLIC", setStatus: "PENDING_CUSTOMER" } }));
  expectOk(await admin.DELETE("/api/v1/admin/macros/{macroId}", macroPath));

  // The calendar and the matrix, saved back as they are; a what-if of the current matrix changes nothing.
  const { timeZone, workdays, opensAt, closesAt, holidays, autoCloseBusinessDays } = expectOk(await admin.GET("/api/v1/admin/support-calendar"));
  const calendar = { timeZone, workdays, opensAt, closesAt, holidays, autoCloseBusinessDays };
  expect(expectOk(await admin.PUT("/api/v1/admin/support-calendar", { body: calendar }))).toMatchObject(calendar);
  const matrix = expectOk(await admin.GET("/api/v1/priority-matrix"));
  const today = new Date().toISOString().slice(0, 10);
  expectOk(await admin.POST("/api/v1/admin/what-if", { body: { from: today, to: today, draft: { cells: matrix.cells, targets: matrix.targets } } }));
  const published = expectOk(await admin.PUT("/api/v1/priority-matrix", { body: { version: matrix.version, note: "Same cells, from the typed client.", cells: matrix.cells, targets: matrix.targets } }));
  expect(published.version).toBe(matrix.version + 1);
  expectError(await admin.PUT("/api/v1/priority-matrix", { body: { version: matrix.version, cells: matrix.cells, targets: matrix.targets } }), 409, "CONFLICT");
  expectError(await admin.POST("/api/v1/admin/login-throttles/clear", { body: { key: `user:${slugOf("nobody")}` } }), 404, "NOT_FOUND");
});
