import { createDatabase } from "./client";
import { describeTarget, type DatabaseTarget } from "./database-url";
import { applyMigrations } from "./migrate";
import { seedDemoData } from "@/lib/seed/demo-data";

/**
 * Before serving: apply pending migrations; seed the demo data when this run created an embedded
 * database. A PostgreSQL server is never seeded by itself (run `npm run db:seed` for that).
 */
export async function prepareDatabase(target: DatabaseTarget, log: (line: string) => void): Promise<void> {
  const opened = createDatabase(target);
  try {
    const applied = await applyMigrations(opened.connection.factory);
    const fresh = applied.length > 0 && (await opened.db.user.count()) === 0;
    log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}.`);
    if (fresh && target.kind !== "postgres") await seedDemoData(opened.db, log);
  } finally {
    await opened.close();
  }
}
