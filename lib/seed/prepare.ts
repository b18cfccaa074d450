import { createDatabase } from "@/lib/db/client";
import { describeTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { seedConfiguration } from "@/lib/seed/configuration";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createFirstAdmin } from "@/lib/seed/first-admin";

export interface PreparedDatabase {
  /** Active people who sign in with a secret the README publishes (demo data). */
  publishedSecrets: number;
}

/**
 * Before serving: apply pending migrations; when this run created an embedded database, seed it: the demo
 * data, or with TIERDESK_DEMO=0 the configuration alone and an admin whose generated password is logged
 * once. A PostgreSQL server is never seeded by itself (run `npm run db:seed` for that).
 */
export async function prepareDatabase(target: DatabaseTarget, log: (line: string) => void, demo = process.env.TIERDESK_DEMO !== "0"): Promise<PreparedDatabase> {
  const opened = createDatabase(target);
  try {
    const applied = await applyMigrations(opened.connection.factory);
    const fresh = applied.length > 0 && (await opened.db.user.count()) === 0;
    log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}.`);
    if (fresh && target.kind !== "postgres") {
      if (demo) {
        await seedDemoData(opened.db, log);
      } else {
        await seedConfiguration(opened.db);
        const admin = await createFirstAdmin(opened.db);
        log(`No demo data (TIERDESK_DEMO=0). Sign in as staff with user ID "${admin.userId}" and password ${admin.password} — shown only this once.`);
      }
    }
    return { publishedSecrets: await opened.db.user.count({ where: { publishedSecret: true, active: true } }) };
  } finally {
    await opened.close();
  }
}
