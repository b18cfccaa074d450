import { beforeAll, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { driverTransaction } from "@/lib/db/transaction";
import { unnestSql } from "@/lib/db/unnest.sql";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("a transaction on the driver", (database) => {
  beforeAll(async () => {
    await database().db.$executeRawUnsafe(`CREATE TABLE "DriverProbe" ("id" int PRIMARY KEY, "at" timestamp(3), "tier" "Tier")`);
  });

  const probeIds = async () => (await database().db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "DriverProbe" ORDER BY "id"`).map((r) => r.id);

  it("commits what its work wrote, and gives each statement's rows and written count", async () => {
    const result = await driverTransaction(async (tx) => {
      const written = await tx.execute(Prisma.sql`INSERT INTO "DriverProbe" ("id") VALUES (1), (2)`);
      const rows = await tx.query<{ id: number }>(Prisma.sql`SELECT "id" FROM "DriverProbe" WHERE "id" >= ${1}::int ORDER BY "id"`);
      return { written, rows };
    });
    expect(result).toEqual({ written: 2, rows: [{ id: 1 }, { id: 2 }] });
    expect(await probeIds()).toEqual([1, 2]);
  });

  it("rolls everything back when its work throws, and throws that error", async () => {
    await expect(
      driverTransaction(async (tx) => {
        await tx.execute(Prisma.sql`INSERT INTO "DriverProbe" ("id") VALUES (3)`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(driverTransaction((tx) => tx.execute(Prisma.sql`INSERT INTO "DriverProbe" ("id") VALUES (4), (1)`))).rejects.toThrow();
    expect(await probeIds()).toEqual([1, 2]);
  });

  it("sends and reads timestamps as UTC instants, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const instant = new Date("2026-12-01T10:00:00.123Z");
      const [row] = await driverTransaction((tx) =>
        tx.query<{ sent: Date; text: string; literal: Date }>(Prisma.sql`
          SELECT ${instant}::timestamp(3) AS sent, ${instant}::timestamp(3)::text AS text, '2026-12-01 10:00:00.123'::timestamp(3) AS literal`),
      );
      expect(row).toEqual({ sent: instant, text: "2026-12-01 10:00:00.123", literal: instant });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("takes rows as typed arrays, an enum's as text, dates and nulls included, numbered in order", async () => {
    const rows = [
      { id: 10, at: new Date("2026-12-01T10:00:00Z"), tier: "L2" },
      { id: 11, at: null, tier: "L3" },
    ];
    const read = await driverTransaction(async (tx) => {
      await tx.execute(Prisma.sql`
        INSERT INTO "DriverProbe" ("id", "at", "tier")
        SELECT r."id", r."at", r."tier" FROM ${unnestSql(rows, [["id", "int[]", (r) => r.id], ["at", "timestamp(3)[]", (r) => r.at], ["tier", `text[]::"Tier"[]`, (r) => r.tier]], "r")}`);
      return tx.query<{ id: number; at: Date | null; tier: string; n: number }>(Prisma.sql`
        SELECT p."id", p."at", p."tier", r."n"::int AS n
        FROM ${unnestSql(rows, [["id", "int[]", (r) => r.id]], "r")} JOIN "DriverProbe" p ON p."id" = r."id" ORDER BY r."n"`);
    });
    expect(read).toEqual([
      { id: 10, at: new Date("2026-12-01T10:00:00Z"), tier: "L2", n: 1 },
      { id: 11, at: null, tier: "L3", n: 2 },
    ]);
  });
});
