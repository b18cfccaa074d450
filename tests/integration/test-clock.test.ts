import { expect, it } from "vitest";
import { describeEachDatabase } from "../fixtures/test-database";

// The suite's clock runs years ahead (tests/setup/clock-ahead.ts). PGlite, in this process, follows it;
// a PostgreSQL server keeps its own. Either way a database default could never agree with a test's
// injected clock, which is why no column a service decides has one.
describeEachDatabase("the test database's clock", (database) => {
  it("is the process clock on PGlite, and years behind it on PostgreSQL", async () => {
    const [row] = await database().db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const behind = Date.now() - row!.now.getTime();
    if (database().kind === "pglite") expect(Math.abs(behind)).toBeLessThan(60_000);
    else expect(behind).toBeGreaterThan(365 * 86_400_000);
  });
});
