import { afterEach, beforeEach, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { expectedMigrations, unappliedMigrations } from "@/lib/observability/migration-state";
import { checkReadiness, resetReadinessCacheForTests } from "@/lib/health/readiness-checks";
import { markRepeatingJobsStarted, resetRepeatingJobsForTests } from "@/lib/schedule/repeating-job";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("readiness: the database answers and every migration is applied", (database) => {
  let now = Date.parse("2026-12-03T09:00:00Z");
  const later = () => (now += 5_000);
  beforeEach(() => {
    resetReadinessCacheForTests();
    resetRepeatingJobsForTests();
    markRepeatingJobsStarted();
  });
  afterEach(() => resetRepeatingJobsForTests());

  it("finds every migration folder applied on a migrated database, and is ready", async () => {
    expect(expectedMigrations().length).toBeGreaterThan(20);
    expect(await unappliedMigrations()).toEqual([]);
    expect(await checkReadiness(later())).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it("names a migration the database lacks, one that did not finish and one rolled back, and is not ready until they are applied", async () => {
    const db = database().db;
    const names = expectedMigrations();
    const [first, second, third] = [names.at(-1)!, names.at(-2)!, names.at(-3)!];
    const saved = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "_prisma_migrations" WHERE "migration_name" = ${first}`;
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ${first}`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ${second}`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = ${third}`;
    try {
      expect((await unappliedMigrations()).sort()).toEqual([first, second, third].sort());
      expect(await unappliedMigrations([...names, "29991231000000_from_newer_code"])).toContain("29991231000000_from_newer_code");
      const readiness = await checkReadiness(later());
      expect(readiness.ready).toBe(false);
      expect(readiness.checks.migrations).toEqual({ ok: false, detail: "3 migration(s) not applied" });
      expect(readiness.checks.database).toEqual({ ok: true });
    } finally {
      const row = saved[0]!;
      await db.$executeRaw(
        Prisma.sql`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count")
          VALUES (${row.id}, ${row.checksum}, now(), ${first}, NULL, NULL, now(), 1)`,
      );
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = now(), "rolled_back_at" = NULL WHERE "migration_name" IN (${second}, ${third})`;
    }
    expect((await checkReadiness(later())).ready).toBe(true);
  });

  it("once every migration was seen applied, does not read the migrations table again", async () => {
    expect((await checkReadiness(later())).ready).toBe(true);
    const db = database().db;
    await db.$executeRaw`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_away"`;
    try {
      expect((await checkReadiness(later())).checks.migrations).toEqual({ ok: true });
      resetReadinessCacheForTests();
      markRepeatingJobsStarted();
      expect((await checkReadiness(later())).checks.migrations).toEqual({ ok: false, detail: "the migrations table could not be read" });
    } finally {
      await db.$executeRaw`ALTER TABLE "_prisma_migrations_away" RENAME TO "_prisma_migrations"`;
    }
  });

  it("answers probes within the same second with one check", async () => {
    const at = later();
    const first = checkReadiness(at);
    expect(checkReadiness(at + 999)).toBe(first);
    expect(checkReadiness(at + 1_000)).not.toBe(first);
    await first;
  });
});
