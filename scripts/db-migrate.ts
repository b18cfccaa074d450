// npm run db:migrate: applies pending migrations to the database DATABASE_URL names.
import { openDatabase } from "../lib/db/adapter";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { exitIfLocked } from "./locked-exit";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const connection = await exitIfLocked(() => openDatabase(target), "");
try {
  const applied = await applyMigrations(connection.factory);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(", ")}`
      : `No pending migrations for ${describeTarget(target)}.`,
  );
} finally {
  await connection.close();
}
process.exit(0);
