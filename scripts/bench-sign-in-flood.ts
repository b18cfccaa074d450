// npm run bench:sign-in-flood: what a flood of sign-in guesses does to the desk's other work. A throw-away
// embedded database with the demo data; the app server (behind one "trusted proxy", so every guess comes
// from its own address and the per-address back-off does not absorb the flood) is started twice: with
// the sign-in gate as shipped, and with it opened wide (TIERDESK_SIGN_IN_CONCURRENCY=100000). Each time an
// agent loads /queue over and over, alone and then during 200 parallel guesses on unknown user IDs, and
// the owner of an account under attack signs in from a known device. Prints p50/p95 and the ratios.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/seed/prepare";
import { buildIfStale, signIn, startAppServer, stopAppServer } from "./bench-app-server";
import { runBenchmark } from "./bench-run";
import type { ChildProcess } from "node:child_process";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const FLOOD = 200;
const BASELINE_LOADS = 30;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tierdesk-flood-"));
let server: ChildProcess | undefined;

const log = (line: string) => console.log(line);
const quantile = (ms: number[], q: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function timeQueue(cookies: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${BASE}/queue`, { headers: { Cookie: cookies } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`/queue answered ${response.status}.`);
  return performance.now() - start;
}

/** One guess on an unknown user ID from its own address; resolves to the HTTP status. */
async function guess(i: number, csrf: { token: string; cookie: string }): Promise<number> {
  const response = await fetch(`${BASE}/api/auth/callback/customer`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie, "X-Forwarded-For": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    body: new URLSearchParams({ csrfToken: csrf.token, userId: `C7${String(i).padStart(5, "0")}`, pin: "123456", json: "true" }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function csrfPair(): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${BASE}/api/auth/csrf`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { token: ((await response.json()) as { csrfToken: string }).csrfToken, cookie };
}

async function measure(label: string, env: Record<string, string>): Promise<{ baseline: number[]; flooded: number[]; ownerMs: number; statuses: Map<number, number> }> {
  server = await startAppServer({ port: PORT, databaseUrl: `file:${dataDir}`, name: "bench-flood", env: { TRUST_PROXY: "1", ...env } });
  try {
    const agent = await signIn(BASE, "l1agent", "l1agent-demo-pass");
    // The owner's browser: a sign-in leaves its device cookie, then the attack starts.
    const owner = await signIn(BASE, "l2agent", "l2agent-demo-pass");
    for (let i = 0; i < 5; i++) await timeQueue(agent); // warm-up
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_LOADS; i++) baseline.push(await timeQueue(agent));

    const csrf = await csrfPair();
    const statuses = new Map<number, number>();
    let flooding = true;
    const flood = Promise.all(Array.from({ length: FLOOD }, (_, i) => guess(i, csrf).then((s) => statuses.set(s, (statuses.get(s) ?? 0) + 1)))).finally(() => {
      flooding = false;
    });
    const flooded: number[] = [];
    const ownerStart = performance.now();
    const ownerSignIn = signIn(BASE, "l2agent", "l2agent-demo-pass", owner).then(() => performance.now() - ownerStart);
    while (flooding || flooded.length < 5) flooded.push(await timeQueue(agent));
    await flood;
    const ownerMs = await ownerSignIn;
    log(`${label}: /queue alone p50 ${fmt(quantile(baseline, 0.5))} p95 ${fmt(quantile(baseline, 0.95))}; during ${FLOOD} parallel guesses (${flooded.length} loads) p50 ${fmt(quantile(flooded, 0.5))} p95 ${fmt(quantile(flooded, 0.95))}; guesses answered ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(", ")}; the owner's sign-in during the flood ${fmt(ownerMs)}`);
    return { baseline, flooded, ownerMs, statuses };
  } finally {
    await stopAppServer(server);
    server = undefined;
  }
}

await runBenchmark(
  async () => {
    log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    buildIfStale(log);
    await prepareDatabase({ kind: "pglite", dataDir }, (line) => log(`database: ${line}`));
    const gated = await measure("gate as shipped", {});
    const open = await measure("gate opened wide", { TIERDESK_SIGN_IN_CONCURRENCY: "100000" });
    const p95 = (m: { flooded: number[] }) => quantile(m.flooded, 0.95);
    log(`\n/queue p95 during the flood: ${fmt(p95(gated))} with the gate, ${fmt(p95(open))} without (${(p95(open) / p95(gated)).toFixed(1)}× slower without)`);
    log(`/queue p95 during the flood ÷ alone: ${(p95(gated) / quantile(gated.baseline, 0.95)).toFixed(1)}× with the gate, ${(p95(open) / quantile(open.baseline, 0.95)).toFixed(1)}× without`);
  },
  async () => {
    await stopAppServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    return `removed ${dataDir}`;
  },
);
