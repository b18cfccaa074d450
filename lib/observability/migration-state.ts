import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Prisma } from "@/lib/db/generated/client";
import { queryStatement } from "@/lib/db/statement";

/**
 * The migrations this code expects: the folders of prisma/migrations that hold a migration.sql, read at run time
 * from the folder the server runs in (the bundler is told not to trace these reads into the build).
 */
export function expectedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The expected migrations that the database has not applied: absent from _prisma_migrations, or there but not
 * finished (a migration that failed half-way) or rolled back. Throws when the table cannot be read.
 */
export async function unappliedMigrations(expected = expectedMigrations()): Promise<string[]> {
  const rows = await queryStatement<{ name: string }>(Prisma.sql`
    SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`);
  const applied = new Set(rows.map((r) => r.name));
  return expected.filter((name) => !applied.has(name));
}
