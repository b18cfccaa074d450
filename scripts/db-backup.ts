// npm run db:backup -- <file.tar.gz>: a backup of DATABASE_URL's database and the attachment directory in one
// archive (README, "Backups"), recorded in the database for the admin page. An embedded database that a running
// server holds is backed up by that server, asked through its control socket; one that nobody holds is opened
// here, under its lock.
import path from "node:path";
import type { BackupSummary } from "../lib/backup/create-backup";
import { describeBackup } from "../lib/backup/describe";
import { recordedBackup } from "../lib/backup/recorded-backup";
import { createDatabase, useDatabase as installProcessDatabase } from "../lib/db/client";
import { readDataDirLock } from "../lib/db/data-dir-lock";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { askServer } from "./control-socket";
import { exitIfLocked } from "./locked-exit";

const argument = process.argv[2];
if (!argument || argument.startsWith("-")) {
  console.error("Usage: npm run db:backup -- <file.tar.gz>");
  process.exit(2);
}
const file = path.resolve(argument);
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
if (target.kind === "pglite-memory") {
  console.error("DATABASE_URL=memory: has nothing to back up.");
  process.exit(2);
}

let summary: BackupSummary;
try {
  const lock = target.kind === "pglite" ? readDataDirLock(target.dataDir) : null;
  if (lock && lock.verdict === "live" && lock.holder.control) {
    console.log(`Asking the running server (pid ${lock.holder.server?.pid ?? lock.holder.pid}) for a backup of ${describeTarget(target)}…`);
    const reply = await askServer(lock.holder.control, { op: "backup", file });
    if (!reply.ok) throw new Error(reply.error);
    summary = reply.result as BackupSummary;
  } else {
    const opened = await exitIfLocked(() => createDatabase(target), "");
    installProcessDatabase(opened);
    try {
      const done = await recordedBackup(file);
      if (!done.summary) throw new Error(done.error ?? "unknown error");
      summary = done.summary;
    } finally {
      installProcessDatabase(undefined);
      await opened.close();
    }
  }
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
console.log(describeBackup(summary));
process.exit(summary.missing.length ? 1 : 0);
