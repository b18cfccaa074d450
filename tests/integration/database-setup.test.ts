import { createDatabase } from "@/lib/db/client";
import { expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrationsList } from "@/lib/db/schema-engine";
import { seedDemoData } from "@/lib/seed/demo-data";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("migrations and demo data", (database) => {
  it("applies every migration once and records it as Prisma does", async () => {
    const names = readMigrationsList().migrationDirectories.map((m) => m.path);
    const rows = await database().db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(database().connection.factory)).toEqual([]);
  });

  it("seeds the demo data, and a second run changes nothing", async () => {
    const snapshot = async () => {
      const db = database().db;
      return {
        users: await db.user.findMany({ orderBy: { userId: "asc" }, select: { userId: true, role: true, tier: true, secretHash: true, updatedAt: true } }),
        groups: await db.supportGroup.findMany({ orderBy: { slug: "asc" }, include: { members: { select: { userId: true } } } }),
        categories: await db.category.findMany({ orderBy: { slug: "asc" } }),
        articles: await db.kbArticle.findMany({ orderBy: { slug: "asc" } }),
        matrices: await db.priorityMatrixVersion.findMany({ include: { cells: true, targets: true } }),
        calendars: await db.supportCalendar.findMany(),
      };
    };
    await seedDemoData(database().db);
    const first = await snapshot();
    await seedDemoData(database().db);
    expect(await snapshot()).toEqual(first);

    expect(first.users.map((u) => u.userId)).toEqual(["C1001", "C1002", "admin", "l1agent", "l1agent2", "l2agent", "l3agent", "manager"]);
    expect(first.groups.map((g) => [g.slug, g.tier, g.assignmentMode, g.l4Kind, g.members.length])).toEqual([
      ["architecture", "L4", "PULL", "ENGINEERING", 0],
      ["cloud-vendor", "L4", "PULL", "VENDOR", 0],
      ["engineering-support", "L3", "AUTO", null, 1],
      ["platform-support", "L2", "AUTO", null, 1],
      ["service-desk", "L1", "PULL", null, 2],
    ]);
    expect(first.categories.map((c) => c.slug)).toEqual(["access", "billing", "data", "integration", "performance", "platform"]);
    expect(first.categories.every((c) => c.sopArticleId)).toBe(true);
    expect(first.articles.filter((a) => a.audience === "CUSTOMER")).toHaveLength(6);
    expect(first.articles.filter((a) => a.audience === "AGENT")).toHaveLength(6);
    expect(first.matrices).toHaveLength(1);
    expect(first.matrices[0]!.cells).toHaveLength(9);
    expect(first.matrices[0]!.targets.find((t) => t.priority === "P3")).toMatchObject({
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
      updateEveryMinutes: 240,
      l1BudgetMinutes: 240,
      l2BudgetMinutes: 480,
      l3BudgetMinutes: 960,
      clock: "BUSINESS_HOURS",
    });
    expect(first.users.every((u) => u.secretHash.startsWith("scrypt$N=131072,r=8,p=1$"))).toBe(true);
  });

  it("on PostgreSQL, runs queries as named prepared statements (parsed and planned once per connection) unless turned off", async () => {
    if (database().kind !== "postgres") return expect(database().kind).toBe("pglite");
    const named = await database().db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'td\_%'`;
    expect(named.length).toBeGreaterThanOrEqual(1);

    process.env.DATABASE_STATEMENT_CACHE = "0";
    const unnamed = createDatabase({ kind: "postgres", url: database().url! });
    try {
      expect(await unnamed.db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'td\_%'`).toEqual([]);
    } finally {
      delete process.env.DATABASE_STATEMENT_CACHE;
      await unnamed.close();
    }
  });
});
