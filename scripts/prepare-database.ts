// Migrates (and on first run seeds) the embedded database before a server opens it. Used by npm run dev.
import { resolveDatabaseTarget } from "../lib/db/database-url";
import { prepareDatabase } from "../lib/seed/prepare";
import { exitIfLocked } from "./locked-exit";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
if (target.kind !== "pglite-memory") await exitIfLocked(() => prepareDatabase(target, (line) => console.log(line)), "");
process.exit(0);
