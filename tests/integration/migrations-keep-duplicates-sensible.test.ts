import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { DATABASE_KINDS, type DatabaseKind } from "../fixtures/test-database";

// Issue 12's migrations meet data written before them: repeated KB answers and user IDs equal in another
// case. They keep what the app now keeps (the latest answer; the oldest person's ID) instead of failing.
const FIRST_OF_ISSUE_12 = "one_kb_answer_per_person";

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
const firstOfIssue = migrations.findIndex((d) => d.endsWith(`_${FIRST_OF_ISSUE_12}`));
const sqlOf = (dir: string) => readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");

for (const kind of DATABASE_KINDS) {
  describe(`issue 12 migrations on existing duplicates [${kind}]`, () => {
    it("keep the latest KB answer per person and article, and rename later user IDs equal in another case", async () => {
      expect(firstOfIssue).toBeGreaterThan(0);
      const sql = await openSql(kind);
      try {
        for (const dir of migrations.slice(0, firstOfIssue)) await sql.exec(sqlOf(dir));
        await sql.exec(`
          INSERT INTO "User" ("id", "userId", "name", "role", "secretHash", "createdAt", "updatedAt") VALUES
            ('u1', 'C1', 'One', 'CUSTOMER', 'x', '2026-01-01', now()), ('u2', 'C2', 'Two', 'CUSTOMER', 'x', '2026-01-01', now()),
            ('u3', 'bob', 'Bob Staff', 'MANAGER', 'x', '2026-01-01', now()), ('u4', 'BOB', 'Bob Customer', 'CUSTOMER', 'x', '2026-02-01', now()),
            ('u5', 'Bob', 'Bob Agent', 'AGENT', 'x', '2026-03-01', now());
          INSERT INTO "KbArticle" ("id", "slug", "title", "body", "audience", "updatedAt") VALUES ('a1', 'help', 'Help', 'Body', 'CUSTOMER', now());
          INSERT INTO "ArticleFeedback" ("id", "articleId", "userId", "helpful", "createdAt") VALUES
            ('f1', 'a1', 'u1', true, '2026-01-01'), ('f2', 'a1', 'u1', false, '2026-01-03'), ('f3', 'a1', 'u1', true, '2026-01-02'),
            ('f4', 'a1', 'u2', true, '2026-01-01');
          INSERT INTO "Deflection" ("id", "customerId", "articleId", "query", "createdAt") VALUES
            ('d1', 'u1', 'a1', 'first', '2026-01-01'), ('d2', 'u1', 'a1', 'same time, greater id', '2026-01-01'), ('d3', 'u2', 'a1', 'other', '2026-01-05');`);
        for (const dir of migrations.slice(firstOfIssue)) await sql.exec(sqlOf(dir));

        expect(await sql.rows(`SELECT "id", "helpful" FROM "ArticleFeedback" ORDER BY "id"`)).toEqual([
          { id: "f2", helpful: false },
          { id: "f4", helpful: true },
        ]);
        expect(await sql.rows(`SELECT "id", "query" FROM "Deflection" ORDER BY "id"`)).toEqual([
          { id: "d2", query: "same time, greater id" },
          { id: "d3", query: "other" },
        ]);
        expect(await sql.rows(`SELECT "id", "userId" FROM "User" WHERE lower("userId") LIKE 'bob%' ORDER BY "id"`)).toEqual([
          { id: "u3", userId: "bob" },
          { id: "u4", userId: "BOB~2" },
          { id: "u5", userId: "Bob~3" },
        ]);
        await expect(sql.exec(`INSERT INTO "User" ("id", "userId", "name", "role", "secretHash", "updatedAt") VALUES ('u6', 'c1', 'X', 'AGENT', 'x', now())`)).rejects.toThrow(
          /User_userId_lower_key/,
        );
      } finally {
        await sql.close();
      }
    });
  });
}
