// The app's HTTP server (npm start runs it after migrating and building): Next.js behind a plain Node
// server that decides each request's client address from the socket and TRUST_PROXY, so a client cannot
// choose its own address by sending X-Forwarded-For (`next start` keeps a client's header as it came).
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "../lib/auth/client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const hops = trustedProxyHops();

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  void handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`[tierdesk] Serving on http://${hostname ?? "localhost"}:${port}${hops ? ` behind ${hops} trusted proxy hop(s)` : ""}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
