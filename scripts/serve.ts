// The app's HTTP server (npm start runs it after migrating and building): Next.js behind a plain Node
// server that decides each request's client address from the socket and TRUST_PROXY, so a client cannot
// choose its own address by sending X-Forwarded-For (`next start` keeps a client's header as it came).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "../lib/auth/client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
// Set by npm start while demo accounts with published passwords are active and HOSTNAME is not.
const loopbackOnly = !hostname && process.env.TIERDESK_LOOPBACK_ONLY === "1";
const hops = trustedProxyHops();

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const onRequest = (request: IncomingMessage, response: ServerResponse) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  void handle(request, response);
};

/** Listens on `host` (all interfaces when undefined); an address this machine does not have (no IPv6) is skipped. */
function listen(host: string | undefined, optional: boolean): Promise<Server | null> {
  const server = createServer(onRequest);
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => (optional && error.code === "EADDRNOTAVAIL" ? resolve(null) : reject(error)));
    server.listen(port, host, () => resolve(server));
  });
}

const servers = (loopbackOnly ? await Promise.all([listen("127.0.0.1", false), listen("::1", true)]) : [await listen(hostname, false)]).filter(
  (s): s is Server => s !== null,
);
const where = loopbackOnly ? "this machine only" : (hostname ?? "all interfaces");
console.log(`[tierdesk] Serving on port ${port}, ${where}${hops ? `, behind ${hops} trusted proxy hop(s)` : ""}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const server of servers) server.close();
    void app.close().finally(() => process.exit(0));
  });
}
