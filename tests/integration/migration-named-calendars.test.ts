import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { DATABASE_KINDS, type DatabaseKind } from "../fixtures/test-database";

// Migration named_calendars meets a support calendar written before it: its hours (one window per workday)
// and its holidays become the calendar's version 1, nothing is lost, and the built-in 24×7 appears.
const NAMED_CALENDARS = "named_calendars";

interface Sql {
  exec(sql: string): Promise<unknown>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openSql(kind: DatabaseKind): Promise<Sql> {
  if (kind === "pglite") {
    const db = new PGlite();
    return { exec: (sql) => db.exec(sql), rows: async (sql) => (await db.query(sql)).rows as never, close: () => db.close() };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const control = new Client({ connectionString: admin });
  await control.connect();
  await control.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    exec: (sql) => client.query(sql),
    rows: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.end();
      await control.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await control.end();
    },
  };
}

const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((d) => /^\d{14}_/.test(d))
  .sort();
const at = migrations.findIndex((d) => d.endsWith(`_${NAMED_CALENDARS}`));
const sqlOf = (dir: string) => readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");

for (const kind of DATABASE_KINDS) {
  describe(`migration named_calendars on an existing support calendar [${kind}]`, () => {
    it("moves the hours and holidays into version 1 and adds the built-in 24×7", async () => {
      expect(at).toBeGreaterThan(0);
      const sql = await openSql(kind);
      try {
        for (const dir of migrations.slice(0, at)) await sql.exec(sqlOf(dir));
        await sql.exec(`
          INSERT INTO "SupportCalendar" ("id", "slug", "name", "timeZone", "workdays", "opensAtMinute", "closesAtMinute", "autoCloseBusinessDays")
            VALUES ('k1', 'default', 'Support hours', 'Europe/Berlin', '{1,3,5}', 450, 1080, 7);
          INSERT INTO "CalendarHoliday" ("id", "calendarId", "date", "name") VALUES
            ('h1', 'k1', '2026-12-25', 'Christmas'), ('h2', 'k1', '2026-12-24', 'Christmas Eve');
          INSERT INTO "PriorityMatrixVersion" ("id", "version", "calendarId") VALUES ('m1', 1, 'k1');`);
        for (const dir of migrations.slice(at)) await sql.exec(sqlOf(dir));

        const versions = await sql.rows<{ slug: string; version: number; timeZone: string; windows: unknown; holidays: unknown; autoCloseBusinessDays: number; builtIn: boolean }>(`
          SELECT k."slug", v."version", v."timeZone", v."windows", v."holidays", k."autoCloseBusinessDays", k."builtIn"
          FROM "CalendarVersion" v JOIN "SupportCalendar" k ON k."id" = v."calendarId" ORDER BY k."slug", v."version"`);
        expect(versions).toEqual([
          {
            slug: "24x7",
            version: 1,
            timeZone: "UTC",
            windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAtMinute: 0, closesAtMinute: 1440 })),
            holidays: [],
            autoCloseBusinessDays: 5,
            builtIn: true,
          },
          {
            slug: "default",
            version: 1,
            timeZone: "Europe/Berlin",
            windows: [1, 3, 5].map((weekday) => ({ weekday, opensAtMinute: 450, closesAtMinute: 1080 })),
            holidays: [
              { from: "2026-12-24", to: "2026-12-24", name: "Christmas Eve" },
              { from: "2026-12-25", to: "2026-12-25", name: "Christmas" },
            ],
            autoCloseBusinessDays: 7,
            builtIn: false,
          },
        ]);
        // The matrix version still runs on the same calendar.
        expect(await sql.rows(`SELECT "calendarId" FROM "PriorityMatrixVersion"`)).toEqual([{ calendarId: "k1" }]);
      } finally {
        await sql.close();
      }
    });
  });
}
