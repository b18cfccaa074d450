// npm run db:restore -- <file.tar.gz> [--force]: restores a backup into DATABASE_URL's database, which must be
// empty (--force replaces what it holds), and the attachments into the attachment store; checks every table's
// row count and checksum and every file's SHA-256 against the archive's manifest (README, "Backups").
import path from "node:path";
import { restoreBackup } from "../lib/backup/restore-backup";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { exitIfLocked } from "./locked-exit";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <file.tar.gz> [--force]");
  process.exit(2);
}
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
if (target.kind === "pglite-memory") {
  console.error("DATABASE_URL=memory: would vanish at exit: restore into file:<dir> or PostgreSQL.");
  process.exit(2);
}
console.log(`Restoring ${path.resolve(file)} into ${describeTarget(target)}…`);
try {
  const summary = await exitIfLocked(() => restoreBackup(path.resolve(file), target, { force, log: (line) => console.log(`  ${line}`) }), "");
  console.log(
    `Restored ${summary.rows.toLocaleString("en")} rows in ${summary.tables} tables and ${summary.files.toLocaleString("en")} attachment file(s) in ${(summary.durationMs / 1000).toFixed(1)} s; ` +
      "every count, checksum and SHA-256 matches the backup.",
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
process.exit(0);
