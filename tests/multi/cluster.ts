// Two app instances on one fresh PostgreSQL database, as an operator runs several: the production server
// (scripts/serve.ts, what npm start runs after migrating and building) twice, with the same NEXTAUTH_SECRET,
// the same attachments store and the same mail server, and every job on a short interval so that their
// work meets. The database is created on TEST_DATABASE_URL's server (127.0.0.1:5432 when unset), prepared
// once, and dropped after; each server's output goes to test-results/two-instances/<name>.log.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import pg from "pg";
import { startS3TestServer } from "../fixtures/s3-test-server";
import { startMailSink, type MailSink } from "./mail-sink";
import { TS_SCRIPT_ARGS } from "../../scripts/node-args";

export const LOG_DIR = path.resolve("test-results/two-instances");
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const [PORT_A, PORT_B] = (process.env.TWO_INSTANCES_PORTS ?? "3201,3202").split(",").map(Number) as [number, number];
/** Readiness: /api/health/ready once the operators' work lands (503 until ready); until then /login answering. */
const READY_PATH = "/api/health/ready";
const FALLBACK_READY_PATH = "/login";
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export interface Instance {
  name: "A" | "B";
  url: string;
  logFile: string;
  process: ChildProcess;
}

export interface Cluster {
  a: Instance;
  b: Instance;
  /** The shared database (PostgreSQL), for counting what the instances wrote. */
  sql: pg.Pool;
  mail: MailSink;
  stop(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The two-instances project needs PostgreSQL and could not reach ${new URL(ADMIN_URL).host} (${(error as Error).message}). ` +
        "Set TEST_DATABASE_URL to a server where it may create and drop databases, or start PostgreSQL on 127.0.0.1:5432.",
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a script under tsx, its output to `logFile`; rejects unless it exits 0. */
function runScript(script: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, [...TS_SCRIPT_ARGS, script], { env, stdio: ["ignore", fd, fd] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`${script} exited with ${code}:\n${tail(logFile)}`));
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0; // not listening yet
  }
}

/** Polls the instance until it says it is ready; fails with the end of its log if it exits or takes too long. */
async function waitUntilReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) throw new Error(`Instance ${instance.name} exited with ${instance.process.exitCode}:\n${tail(instance.logFile)}`);
    const ready = await status(`${instance.url}${READY_PATH}`);
    if (ready === 200 || (ready === 404 && (await status(`${instance.url}${FALLBACK_READY_PATH}`)) === 200)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Instance ${instance.name} was not ready within ${START_TIMEOUT_MS / 1000} s:\n${tail(instance.logFile)}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  const child = instance.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export async function startCluster(): Promise<Cluster> {
  // The e2e webServer's npm start builds when a source changed, before any test runs; building here too could
  // rewrite .next under that running server, so the instances only serve the build it left.
  if (!existsSync(".next/BUILD_ID")) throw new Error("No build in .next: the two-instances project serves the build the e2e webServer (npm start) makes; run it through playwright test.");
  mkdirSync(LOG_DIR, { recursive: true });
  for (const port of [PORT_A, PORT_B]) {
    if (await portInUse(port)) throw new Error(`Port ${port} is taken: the two-instances project needs ports ${PORT_A} and ${PORT_B} (set TWO_INSTANCES_PORTS=a,b).`);
  }
  const began = Date.now();
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const name = `multi_${randomBytes(5).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const undo: (() => Promise<unknown>)[] = [() => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))];
  const unwind = async () => {
    for (const step of undo.reverse()) await step().catch((error) => console.error("two-instances teardown:", error));
  };
  try {
    await runScript("tests/multi/prepare-database.ts", { ...process.env, DATABASE_URL: url }, path.join(LOG_DIR, "prepare-database.log"));
    const prepared = Date.now();

    const mail = await startMailSink();
    undo.push(() => mail.close());
    // Instances on different machines cannot share a directory: they share object storage, as in production.
    const s3 = await startS3TestServer(`tierdesk-${name.replace("_", "-")}`);
    undo.push(() => s3.close());
    const secret = `two-instances-${randomBytes(24).toString("hex")}`;

    const start = (instanceName: "A" | "B", port: number): Instance => {
      const base = `http://127.0.0.1:${port}`;
      const logFile = path.join(LOG_DIR, `instance-${instanceName.toLowerCase()}.log`);
      const fd = openSync(logFile, "w");
      const child = spawn(process.execPath, [...TS_SCRIPT_ARGS, "scripts/serve.ts"], {
        stdio: ["ignore", fd, fd],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          DATABASE_URL: url,
          NEXTAUTH_SECRET: secret,
          NEXTAUTH_URL: base,
          NEXT_TELEMETRY_DISABLED: "1",
          NO_COLOR: "1",
          FORCE_COLOR: "0",
          ...s3.env,
          ATTACHMENTS_URL: `s3://${s3.bucket}/attachments`,
          SMTP_URL: mail.urlFor(instanceName),
          TIERDESK_SWEEP_SECONDS: "1",
          TIERDESK_MAIL_SECONDS: "1",
          TIERDESK_WEBHOOK_SECONDS: "1",
        },
      });
      closeSync(fd);
      const instance: Instance = { name: instanceName, url: base, logFile, process: child };
      undo.push(() => stopInstance(instance));
      return instance;
    };
    const a = start("A", PORT_A);
    const b = start("B", PORT_B);
    // A worker that dies without its teardown must not leave servers holding the ports.
    process.once("exit", () => [a, b].forEach((i) => i.process.exitCode === null && i.process.kill("SIGKILL")));
    await Promise.all([waitUntilReady(a), waitUntilReady(b)]);
    console.log(`two-instances: database ${name} migrated and seeded in ${seconds(began)}; A (${a.url}) and B (${b.url}) ready ${seconds(prepared)} later`);

    const sql = new pg.Pool({ connectionString: url, max: 4 });
    undo.push(() => sql.end());
    return { a, b, sql, mail, stop: unwind };
  } catch (error) {
    await unwind();
    throw error;
  }
}
