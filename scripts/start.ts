// npm start: migrate, seed a new embedded database, build if the sources changed, then serve.
import { spawn } from "node:child_process";
import { attachmentStore } from "../lib/attachments/store";
import { describeAttachmentStore, resolveAttachmentStore } from "../lib/attachments/store-config";
import { authSecret } from "../lib/auth/secret";
import { heldLockToken, holdDataDir } from "../lib/db/data-dir-lock";
import { resolveDatabaseTarget } from "../lib/db/database-url";
import { prepareDatabase } from "../lib/seed/prepare";
import { shutdownSeconds } from "../lib/observability/shutdown-seconds";
import { buildIfStale } from "./build-if-stale";
import { exitIfLocked } from "./locked-exit";
import { TS_SCRIPT_ARGS } from "./node-args";

const port = process.env.PORT ?? "3000";
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
};

if (target.kind === "pglite-memory") {
  console.error("[tierdesk] DATABASE_URL=memory: is for tests: it would vanish between migrating and serving. Use file:<dir> or PostgreSQL.");
  process.exit(2);
}
// One server per embedded data directory: taken before anything else (the build included), kept until this
// process exits, and adopted by the server it spawns (TIERDESK_LOCK_TOKEN). A second npm start stops here.
if (target.kind === "pglite") {
  await exitIfLocked(() => holdDataDir(target.dataDir, { purpose: "npm start" }));
  env.TIERDESK_LOCK_TOKEN = heldLockToken(target.dataDir)!;
}
// A misconfigured attachment store (ATTACHMENTS_URL with another scheme or no bucket, a bucket that is not
// there, refused credentials) stops the start here, with a message naming the variable, not at the first upload.
try {
  const store = await attachmentStore();
  await store.check();
  store.close?.();
  console.log(`[tierdesk] attachments in ${describeAttachmentStore(resolveAttachmentStore(process.env))}`);
} catch (error) {
  console.error(`[tierdesk] ${(error as Error).message}`);
  process.exit(2);
}

const { publishedSecrets } = await prepareDatabase(target, (line) => console.log(`[tierdesk] ${line}`));
if (publishedSecrets > 0 && !process.env.HOSTNAME) {
  // Anyone who reads the README knows these passwords: keep the desk to this machine until they are gone.
  env.TIERDESK_LOOPBACK_ONLY = "1";
  console.log(
    `[tierdesk] ${publishedSecrets} demo account(s) with published passwords are active: listening on this machine only (127.0.0.1 and ::1). ` +
      "Remove them at /admin/demo, or set HOSTNAME to listen on another address anyway.",
  );
}

buildIfStale(env, (line) => console.log(`[tierdesk] ${line}`));

const server = spawn(process.execPath, [...TS_SCRIPT_ARGS, "scripts/serve.ts"], { stdio: "inherit", env });
// The server shuts down gracefully on SIGTERM or SIGINT within TIERDESK_SHUTDOWN_SECONDS and exits by itself;
// a server that still has not exited a few seconds later is killed.
const limit = shutdownSeconds();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    setTimeout(() => server.kill("SIGKILL"), (limit + 5) * 1000).unref();
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGKILL" ? 1 : 0)));

