// A statement marked customPlan is never prepared, so PostgreSQL plans it for its own values on every run
// (it never switches to a generic plan after five runs); every other statement still is. PostgreSQL only:
// PGlite has no pool and no named statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db/client";
import { customPlan } from "@/lib/db/custom-plan.sql";
import { Prisma } from "@/lib/db/generated/client";
import { resolvePeriod } from "@/lib/metrics/period";
import { dashboardStatements } from "@/lib/metrics/dashboard.sql";
import { openTestDatabase, type TestDatabase } from "../fixtures/test-database";

describe("statements planned for their values [postgres]", () => {
  let opened: TestDatabase | undefined;
  const poolSize = process.env.DATABASE_POOL_SIZE;

  beforeAll(async () => {
    // One connection, so that its session's prepared statements are all the pool's.
    process.env.DATABASE_POOL_SIZE = "1";
    opened = await openTestDatabase("postgres");
    useDatabase(opened);
  });

  afterAll(async () => {
    if (poolSize === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = poolSize;
    useDatabase(undefined);
    await opened?.close();
  });

  const prepared = async () =>
    (await opened!.db.$queryRaw<{ statement: string }[]>`SELECT "statement" FROM pg_prepared_statements`).map((r) => r.statement);

  it("prepares an ordinary statement once, and a customPlan one never, however often they run", async () => {
    for (let run = 0; run < 7; run++) {
      await opened!.db.$queryRaw(Prisma.sql`SELECT ${run}::int AS "ordinary"`);
      await opened!.db.$queryRaw(customPlan(Prisma.sql`SELECT ${run}::int AS "planned each time"`));
    }
    const statements = await prepared();
    expect(statements.filter((s) => s.includes(`"ordinary"`))).toHaveLength(1);
    expect(statements.filter((s) => s.includes(`"planned each time"`))).toEqual([]);
  });

  it("leaves the dashboard's period statements unprepared", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const statements = dashboardStatements(resolvePeriod({ period: "365d" }, now), {}, now);
    for (let run = 0; run < 6; run++) {
      for (const name of ["period", "previousPeriod", "opened", "trend", "groups"] as const) await opened!.db.$queryRaw(statements[name]);
    }
    const texts = [statements.period, statements.previousPeriod, statements.opened, statements.trend, statements.groups].map((s) => s.text);
    expect((await prepared()).filter((s) => texts.includes(s))).toEqual([]);
  });
});
