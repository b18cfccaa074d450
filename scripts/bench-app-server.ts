// The app as benchmarks measure it: `next build` when a source is newer than the build, the app's server
// (scripts/serve.ts) on a throw-away database, and a next-auth sign-in whose cookies later requests send.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { buildIfStale as buildWhenStale } from "./build-if-stale";
import { TS_SCRIPT_ARGS } from "./node-args";

/** `next build` when a source is newer than the build. */
export function buildIfStale(log: (line: string) => void): void {
  buildWhenStale({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, (line) => log(`build: ${line}`));
}

/**
 * The app's own server (scripts/serve.ts, as `npm start` runs it) on `databaseUrl` with the sweep off and a secret of
 * its own, unless `env` says otherwise; resolves once /login answers (60 s at most).
 */
export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  name: string;
  env?: Record<string, string>;
  /** Each line the server writes to stderr (default: passed through to this process's stderr). */
  onStderr?: (line: string) => void;
  /** Options for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${options.port}`;
  const server = spawn(process.execPath, [...(options.nodeArgs ?? []), ...TS_SCRIPT_ARGS, "scripts/serve.ts"], {
    stdio: ["ignore", "ignore", options.onStderr ? "pipe" : "inherit"],
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: `${options.name}-only-${randomBytes(24).toString("hex")}`,
      NEXTAUTH_URL: base,
      TIERDESK_SWEEP_SECONDS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  if (options.onStderr) createInterface({ input: server.stderr! }).on("line", options.onStderr);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app server exited with ${server.exitCode}.`);
    try {
      if ((await fetch(`${base}/login`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGTERM");
  throw new Error("The app server did not answer within 60 s.");
}

/** Stops a server started here, waiting up to 10 s for it to exit. */
export async function stopAppServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

/**
 * Signs a staff member (or, with `kind` "customer", a customer with their PIN) in through next-auth's credentials
 * endpoint; returns the Cookie header to send. `cookies`: what the browser already holds (a device cookie from an
 * earlier sign-in).
 */
export async function signIn(base: string, userId: string, password: string, cookies = "", kind: "staff" | "customer" = "staff"): Promise<string> {
  const jar = new Map<string, string>(
    cookies
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
  const take = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { Cookie: header() } });
  take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/${kind}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header() },
    body: new URLSearchParams({ csrfToken, userId, [kind === "customer" ? "pin" : "password"]: password, json: "true" }),
  });
  take(response);
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { Cookie: header() } })).json()) as { user?: { userId?: string } };
  if (session.user?.userId !== userId) throw new Error(`Signing in as ${userId} failed (${response.status}).`);
  return header();
}
