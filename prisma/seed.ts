// npm run db:seed: loads the demo data into the database DATABASE_URL names. Running it again changes nothing.
import { createDatabase } from "../lib/db/client";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { seedDemoData } from "../lib/seed/demo-data";
import { exitIfLocked } from "../scripts/locked-exit";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const opened = await exitIfLocked(() => createDatabase(target), "");
try {
  await seedDemoData(opened.db, (line) => console.log(`${line} Database: ${describeTarget(target)}.`));
} finally {
  await opened.close();
}
process.exit(0);
