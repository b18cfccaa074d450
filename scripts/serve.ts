// The app's HTTP server (npm start runs it after migrating and building): Next.js behind a plain Node
// server that decides each request's client address from the socket and TRUST_PROXY, so a client cannot
// choose its own address by sending X-Forwarded-For (`next start` keeps a client's header as it came).
// It also gives each request its id, log line and metrics (lib/observability), and shuts down gracefully.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "../lib/client-address";
import { closeDb } from "../lib/db/process-holder";
import { holdDataDir } from "../lib/db/data-dir-lock";
import { resolveDatabaseTarget } from "../lib/db/database-url";
import { observeHttp } from "../lib/observability/request-observer";
import { routePatterns } from "../lib/observability/route-patterns";
import { routeTableOf } from "../lib/observability/route-table";
import { markClientAddressTrusted } from "../lib/observability/served-by";
import { beginShutdown, isShuttingDown, runShutdownHooks } from "../lib/observability/shutdown";
import { shutdownSeconds } from "../lib/observability/shutdown-seconds";
import { stopAllRepeatingJobs } from "../lib/schedule/repeating-job";
import { startControlSocket } from "./control-socket";
import { exitIfLocked } from "./locked-exit";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
// Set by npm start while demo accounts with published passwords are active and HOSTNAME is not.
const loopbackOnly = !hostname && process.env.TIERDESK_LOOPBACK_ONLY === "1";
const hops = trustedProxyHops();
const shutdownLimit = shutdownSeconds();
const routes = routeTableOf(routePatterns());

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
// The embedded data directory's lock: adopted from npm start (TIERDESK_LOCK_TOKEN), or taken when run alone.
if (target.kind === "pglite") await exitIfLocked(() => holdDataDir(target.dataDir, { purpose: "the Tierdesk server", adoptToken: process.env.TIERDESK_LOCK_TOKEN }));

markClientAddressTrusted();
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const onRequest = (request: IncomingMessage, response: ServerResponse) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  observeHttp(request, response, routes);
  // While shutting down, a kept-alive connection is closed after its response, so the server can finish closing.
  if (isShuttingDown()) response.setHeader("Connection", "close");
  void handle(request, response);
};

/** Listens on `host` (all interfaces when undefined); an address this machine does not have (no IPv6) is skipped. */
function listen(host: string | undefined, optional: boolean): Promise<Server | null> {
  const server = createServer(onRequest);
  // An idle kept-alive connection stays open 75 s, not Node's 5 s: longer than a proxy's idle timeout in front of
  // us (60 s is common), so the client, not this server, closes it. A server that closes first races the
  // client's next request on that connection, which then fails with a reset (ECONNRESET, or a proxy's 502).
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 76_000;
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => (optional && error.code === "EADDRNOTAVAIL" ? resolve(null) : reject(error)));
    server.listen(port, host, () => resolve(server));
  });
}

const servers = (loopbackOnly ? await Promise.all([listen("127.0.0.1", false), listen("::1", true)]) : [await listen(hostname, false)]).filter(
  (s): s is Server => s !== null,
);
// `npm run db:backup` asks this process for a backup of its embedded database through a socket beside it.
const control = target.kind === "pglite" ? await startControlSocket(target.dataDir) : null;
const where = loopbackOnly ? "this machine only" : (hostname ?? "all interfaces");
// PORT=0 takes a free port: the line names the one taken.
const bound = [...new Set(servers.map((server) => (server.address() as { port: number }).port))].join(" and ");
console.log(`[tierdesk] Serving on port ${bound}, ${where}${hops ? `, behind ${hops} trusted proxy hop(s)` : ""}`);

/**
 * SIGTERM or SIGINT: readiness answers 503; the repeating jobs take no new run and the runs in progress (a sweep,
 * a mail or webhook batch) finish; shutdown hooks run (the push module closes its streams with a retry hint);
 * the listeners close, so no new connection is taken, and the requests in flight finish; then the database is
 * closed and the process exits 0. Whatever is still running at TIERDESK_SHUTDOWN_SECONDS is cut off: exit 1.
 */
async function shutdown(signal: string): Promise<void> {
  const started = performance.now();
  beginShutdown();
  console.log(`[tierdesk] ${signal}: shutting down (at most ${shutdownLimit} s): no new jobs or connections; finishing what is running.`);
  setTimeout(() => {
    console.error(`[tierdesk] Shutdown still waiting after ${shutdownLimit} s: exiting now.`);
    process.exit(1);
  }, shutdownLimit * 1000);

  const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
  // server.close() ends the connections idle now; these end the ones that fall idle later.
  const closeIdle = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100);
  const jobs = stopAllRepeatingJobs().then((waited) => {
    if (waited.length) console.log(`[tierdesk] Finished the running ${waited.join(", ")} run(s).`);
  });
  await Promise.all([jobs, runShutdownHooks(signal), ...closed, control?.close()]);
  clearInterval(closeIdle);
  await app.close();
  await closeDb();
  console.log(`[tierdesk] Stopped in ${Math.round(performance.now() - started)} ms.`);
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // npm start forwards the signal a terminal already sent to the whole group: one shutdown is enough.
    if (isShuttingDown()) return;
    shutdown(signal).catch((error: unknown) => {
      console.error("[tierdesk] Shutdown failed:", error);
      process.exit(1);
    });
  });
}
