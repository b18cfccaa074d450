import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { NO_FILTERS, readMigrationsList, startSchemaEngine } from "./schema-engine";

/**
 * Applies every pending migration in prisma/migrations (or, given `upTo`, only those it names: a restore brings
 * the schema to its backup's level first); returns the names it applied.
 */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, upTo?: string[]): Promise<string[]> {
  const engine = await startSchemaEngine(factory);
  try {
    const list = readMigrationsList();
    if (upTo) list.migrationDirectories = list.migrationDirectories.filter((m) => upTo.includes(m.path));
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}
