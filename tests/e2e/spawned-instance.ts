// A second app instance for the operators' specs: scripts/serve.ts on a free port with its own embedded
// database, started beside the suite's server (whose build it shares), so a spec can send it signals, read its
// log lines and watch it exit.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { TS_SCRIPT_ARGS } from "../../scripts/node-args";

export interface SpawnedInstance {
  url: string;
  child: ChildProcess;
  /** Every line it wrote, standard output and error together. */
  lines: string[];
  /** Resolves with the first line (already written or still to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A fresh embedded database with the configuration and one admin (no demo data), migrated as npm start does. */
export function prepareDataDir(name: string): string {
  const dir = path.resolve(".data", name);
  rmSync(dir, { recursive: true, force: true });
  const prepared = spawnSync(process.execPath, [...TS_SCRIPT_ARGS, "scripts/prepare-database.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${dir}`, TIERDESK_DEMO: "0" },
    encoding: "utf8",
  });
  if (prepared.status !== 0) throw new Error(`prepare-database failed: ${prepared.stderr}`);
  return dir;
}

/** Starts scripts/serve.ts on `dataDir` and resolves once it listens and answers its readiness probe with 200. */
export async function startInstance(dataDir: string, env: Record<string, string> = {}): Promise<SpawnedInstance> {
  const child = spawn(process.execPath, [...TS_SCRIPT_ARGS, "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${dataDir}`,
      ATTACHMENTS_DIR: `${dataDir}-attachments`,
      NEXTAUTH_SECRET: "tierdesk-e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: "http://127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters) {
        if (waiter.pattern.test(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) => {
    const seen = lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const waiter = { pattern, resolve };
      waiters.add(waiter);
      setTimeout(() => {
        if (waiters.delete(waiter)) reject(new Error(`No line matched ${pattern} within ${timeoutMs} ms. Lines:\n${lines.slice(-30).join("\n")}`));
      }, timeoutMs);
    });
  };

  const serving = await Promise.race([
    waitForLine(/^\[tierdesk\] Serving on port \d+/, 120_000),
    exited.then(({ code }) => {
      throw new Error(`The instance exited (${code}) before serving:\n${lines.join("\n")}`);
    }),
  ]);
  const url = `http://127.0.0.1:${/port (\d+)/.exec(serving)![1]}`;
  await expect
    .poll(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status, { timeout: 60_000, message: "the instance becomes ready" })
    .toBe(200);
  return { url, child, lines, waitForLine, exited };
}
