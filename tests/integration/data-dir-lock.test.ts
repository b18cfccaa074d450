// One process per embedded data directory, with real processes: a small script that takes the lock as the
// server does (tests/fixtures/hold-data-dir.ts), and the real npm start script (scripts/start.ts), which refuses
// before it migrates or builds, and after a kill -9 of the holder gets past the lock (the test stops it at its
// next step, the attachment store's line, so no build is needed).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdDataDir, lockPathOf, readDataDirLock } from "@/lib/db/data-dir-lock";
import { TS_SCRIPT_ARGS } from "../../scripts/node-args";

interface Spawned {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

function spawnTsx(script: string, args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [...TS_SCRIPT_ARGS, script, ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let text = "";
  const waiters = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const check of waiters) check();
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        void exited.then(() => {
          if (waiters.delete(check)) reject(new Error(`Exited before ${pattern}:\n${text}`));
        });
        check();
      }),
  };
}

const HOLDER = "tests/fixtures/hold-data-dir.ts";

describe("one process per embedded data directory", () => {
  let root: string;
  const spawned: Spawned[] = [];
  const track = (s: Spawned) => (spawned.push(s), s);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "tierdesk-lock-"));
  });
  afterAll(async () => {
    for (const s of spawned) s.child.kill("SIGKILL");
    await rm(root, { recursive: true, force: true });
  });

  it("of 8 processes racing for one directory exactly one wins; the others exit non-zero naming it", async () => {
    const dir = path.join(root, "race");
    const racers = Array.from({ length: 8 }, () => track(spawnTsx(HOLDER, [dir, "--on-go"])));
    await Promise.all(racers.map((r) => r.waitFor(/ready/)));
    for (const r of racers) r.child.stdin!.write("go\n");
    const outcomes = await Promise.all(racers.map((r) => Promise.race([r.waitFor(/won/).then(() => "won"), r.exited.then((code) => `exit ${code}`)])));
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "exit 3")).toHaveLength(7);
    const winner = racers[outcomes.indexOf("won")]!;
    const loser = racers[outcomes.indexOf("exit 3")]!;
    expect(loser.output()).toContain(`is in use by another Tierdesk process`);
    expect(loser.output()).toContain(`the lock test, pid ${winner.child.pid}`);
    expect(loser.output()).toContain(`kill ${winner.child.pid}`);
    winner.child.stdin!.end();
    expect(await winner.exited).toBe(0);
    expect(readDataDirLock(dir)).toBeNull(); // released on exit
  });

  it("npm start refuses at once while another process holds the directory, and starts after that one is killed -9", async () => {
    const dir = path.join(root, "start");
    const holder = track(spawnTsx(HOLDER, [dir]));
    await holder.waitFor(/won/);
    const env = { DATABASE_URL: `file:${dir}`, ATTACHMENTS_DIR: path.join(root, "start-files"), PORT: "3452", NEXTAUTH_SECRET: "lock-test-secret" };

    const second = track(spawnTsx("scripts/start.ts", [], env));
    expect(await second.exited).toBe(3);
    expect(second.output()).toContain(`The embedded database ${dir} is in use by another Tierdesk process`);
    expect(second.output()).toContain(`pid ${holder.child.pid}`);
    expect(second.output()).not.toContain("attachments in"); // refused before anything else

    holder.child.kill("SIGKILL");
    await holder.exited;
    expect(readDataDirLock(dir)?.verdict).toBe("stale"); // a kill -9 leaves the file behind
    const third = track(spawnTsx("scripts/start.ts", [], env));
    await third.waitFor(/\[tierdesk\] attachments in/);
    const lock = readDataDirLock(dir);
    expect(lock?.holder.pid).toBe(third.child.pid);
    expect(lock?.holder.purpose).toBe("npm start");
    third.child.kill("SIGKILL");
    await third.exited;
  });

  it("the migrate script respects the lock too", async () => {
    const dir = path.join(root, "migrate");
    const holder = track(spawnTsx(HOLDER, [dir]));
    await holder.waitFor(/won/);
    const migrate = track(spawnTsx("scripts/db-migrate.ts", [], { DATABASE_URL: `file:${dir}` }));
    expect(await migrate.exited).toBe(3);
    expect(migrate.output()).toContain("is in use by another Tierdesk process");
    holder.child.stdin!.end();
    await holder.exited;
  });

  it("takes over a lock whose pid now belongs to another process (pid reuse: another start time)", async () => {
    const dir = path.join(root, "reuse");
    const release = holdDataDir(dir, { purpose: "first" });
    const file = lockPathOf(dir);
    const written = JSON.parse(await readFile(file, "utf8"));
    release();
    // The lock names a running process (this one) but with a start time it does not have.
    await writeFile(file, JSON.stringify({ ...written, pid: process.pid, startTicks: "1", token: "someone-else" }));
    expect(written.startTicks).toMatch(/^\d+$/); // Linux: /proc/<pid>/stat tells when a process started
    expect(readDataDirLock(dir)?.verdict).toBe("stale");
    const again = holdDataDir(dir, { purpose: "second" });
    expect(readDataDirLock(dir)?.holder.purpose).toBe("second");
    again();
  });
});
