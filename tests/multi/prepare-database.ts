// Run once per two-instance run, before either instance starts: migrates the fresh PostgreSQL database
// (the code npm start runs) and loads the demo data (the code npm run db:seed runs). A child process, as
// the npm scripts are: the migrations' WebAssembly engine and Prisma's client load under tsx.
import { createDatabase } from "../../lib/db/client";
import { resolveDatabaseTarget } from "../../lib/db/database-url";
import { prepareDatabase } from "../../lib/seed/prepare";
import { seedDemoData } from "../../lib/seed/demo-data";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
if (target.kind !== "postgres") throw new Error("The two-instance project prepares a PostgreSQL database only.");
await prepareDatabase(target, (line) => console.log(line));
const opened = createDatabase(target);
try {
  await seedDemoData(opened.db, (line) => console.log(line));
} finally {
  await opened.close();
}
process.exit(0);
