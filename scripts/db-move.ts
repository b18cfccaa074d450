// npm run db:move -- postgres://…: copies the embedded database (DATABASE_URL=file:<dir>, default ./.data/db)
// into an empty PostgreSQL database, checks every table's rows, and says what to set next (README,
// "Moving to PostgreSQL"). The server must be stopped: what it wrote after the copy would not be there.
import { moveToPostgres } from "../lib/backup/move-to-postgres";
import { SECRET_FILE } from "../lib/auth/secret";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { exitIfLocked } from "./locked-exit";

const url = process.argv[2];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("Usage: npm run db:move -- postgres://user:password@host:5432/database");
  process.exit(2);
}
const source = resolveDatabaseTarget(process.env.DATABASE_URL);
if (source.kind !== "pglite") {
  console.error("db:move copies an embedded database: leave DATABASE_URL unset (./.data/db) or set it to file:<dir>.");
  process.exit(2);
}
const target = resolveDatabaseTarget(url);
console.log(`Moving ${describeTarget(source)} to ${describeTarget(target)}…`);
try {
  const summary = await exitIfLocked(() => moveToPostgres(source, url, (line) => console.log(line)), "");
  const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
  const shown = new URL(url);
  if (shown.password) shown.password = "****";
  console.log(
    [
      `Moved ${rows.toLocaleString("en")} rows in ${summary.tables.length} tables and ${summary.sequences} sequences in ${(summary.durationMs / 1000).toFixed(1)} s; every table's count and checksum matches.`,
      "",
      "Next: start the app on PostgreSQL with",
      `  DATABASE_URL=${shown.toString()}`,
      `  NEXTAUTH_SECRET=${process.env.NEXTAUTH_SECRET ? "(the value you set now)" : `<the value in ${SECRET_FILE}>`}   # the same secret keeps everyone signed in`,
      `  ATTACHMENTS_DIR=${process.env.ATTACHMENTS_DIR || ".data/attachments"}   # the files stay where they are (or move them to object storage: ATTACHMENTS_URL)`,
      `The embedded directory ${source.dataDir} is left as it was; keep it until the app runs well on PostgreSQL.`,
    ].join("\n"),
  );
} catch (error) {
  console.error(`Move failed, nothing was kept on the target: ${(error as Error).message}`);
  process.exit(1);
}
process.exit(0);
