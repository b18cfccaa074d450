// One process per embedded data directory, as PostgreSQL's postmaster.pid keeps one server per cluster: the
// lock file <dataDir>/tierdesk.pid names the process that has the directory open (pid, start time, command,
// host). Every way in takes it first: npm start before it migrates or builds, the server, npm run dev, and the
// migrate, seed, backup, restore and move scripts (lib/db/adapter.ts takes it whenever PGlite opens a
// directory). A second process refuses at once; a lock whose processes are gone is taken over.
//
// The file appears whole or not at all: it is written under a temporary name and hard-linked into place,
// and link() fails when the name exists, so of two processes racing for a directory exactly one wins.
import { randomUUID } from "node:crypto";
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LOCK_FILE, lockedMessage, lockVerdict, parseLockHolder, type LockHolder, type LockVerdict, type ProbeProcess } from "./lock-holder";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    readonly verdict: LockVerdict,
  ) {
    super(lockedMessage(dataDir, holder, verdict, probeProcess));
    this.name = "DataDirLockedError";
  }
}

/** Exit status of a process that found its data directory held by another (PostgreSQL's pg_ctl uses 1; any non-zero does). */
export const LOCKED_EXIT_CODE = 3;

interface HeldLock {
  token: string;
  refs: number;
}

// On globalThis: scripts/serve.ts takes the lock and the app's bundled copy of lib/db opens the database in the same process.
const held: Map<string, HeldLock> = ((globalThis as unknown as { tierdeskDataDirLocks?: Map<string, HeldLock> }).tierdeskDataDirLocks ??= new Map());

export function lockPathOf(dataDir: string): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, LOCK_FILE);
}

/** Field 22 of /proc/<pid>/stat, the process's start in clock ticks since boot; null without /proc. Zombies are not running. */
function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTicks: fields[19] ?? "" };
  } catch {
    return null;
  }
}

export const probeProcess: ProbeProcess = (pid) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return { running: false };
  }
  const stat = procStat(pid);
  if (stat?.state === "Z" || stat?.state === "X") return { running: false };
  return { running: true, startTicks: stat?.startTicks || null };
};

function ownProcess() {
  return { pid: process.pid, startTicks: procStat(process.pid)?.startTicks || null };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates `file` with `content` if no file has that name, atomically and whole; false when one exists. */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces the lock's content in one step (a reader sees the old or the new file, never half of one). */
function replaceLock(file: string, holder: LockHolder): void {
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, JSON.stringify(holder, null, 2) + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a stale lock, unless another process replaced it meanwhile; one remover at a time (the .takeover guard). */
function removeStale(file: string, staleText: string): void {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, String(process.pid))) {
    // Another process is taking over. A guard left by a process that died mid-way is old: remove it.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) unlinkSync(guard);
    } catch {
      // gone already
    }
    sleepSync(5 + Math.random() * 20);
    return;
  }
  try {
    if (readText(file) === staleText) unlinkSync(file);
  } finally {
    unlinkSync(guard);
  }
}

export interface AcquireOptions {
  /** What holds it, in words, for the message another process prints ("npm start", "npm run db:backup"). */
  purpose: string;
  /**
   * The token of a lock the parent process holds for this one (npm start → its server): the lock is adopted,
   * naming this process as the server, instead of refused.
   */
  adoptToken?: string;
}

/**
 * Takes the directory's lock for this process (created with the directory if need be), or joins this process's
 * hold on it; returns the release. Throws DataDirLockedError when another live process holds it.
 */
export function holdDataDir(dataDir: string, options: AcquireOptions): () => void {
  const dir = path.resolve(dataDir);
  const mine = held.get(dir);
  if (mine) {
    mine.refs++;
    return releaseOnce(dir);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = lockPathOf(dir);
  const holder: LockHolder = {
    ...ownProcess(),
    purpose: options.purpose,
    command: [path.basename(process.argv0), ...process.argv.slice(1).map((a) => path.relative(process.cwd(), a) || a)].join(" "),
    host: os.hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 500; attempt++) {
    if (createExclusive(file, JSON.stringify(holder, null, 2) + "\n")) {
      held.set(dir, { token: holder.token, refs: 1 });
      return releaseOnce(dir);
    }
    const text = readText(file);
    if (text === null) continue; // released meanwhile
    const current = parseLockHolder(text);
    if (!current) throw new Error(`${file} is not a Tierdesk lock file. If no Tierdesk process uses ${dir}, remove it.`);
    if (options.adoptToken && current.token === options.adoptToken) {
      replaceLock(file, { ...current, server: ownProcess() });
      held.set(dir, { token: current.token, refs: 1 });
      return releaseOnce(dir);
    }
    const verdict = lockVerdict(current, os.hostname(), probeProcess);
    if (verdict !== "stale") throw new DataDirLockedError(dir, current, verdict);
    removeStale(file, text);
  }
  throw new Error(`Could not take ${file}: other processes kept taking it over.`);
}

function releaseOnce(dir: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const mine = held.get(dir);
    if (!mine || --mine.refs > 0) return;
    held.delete(dir);
    removeIfOurs(dir, mine.token);
  };
}

function removeIfOurs(dir: string, token: string): void {
  const file = lockPathOf(dir);
  try {
    const text = readText(file);
    if (text !== null && parseLockHolder(text)?.token === token) unlinkSync(file);
  } catch {
    // the process is ending; a lock left behind is stale and taken over by the next one
  }
}

/** The token of this process's lock on `dataDir` (npm start passes it to its server), or null. */
export function heldLockToken(dataDir: string): string | null {
  return held.get(path.resolve(dataDir))?.token ?? null;
}

/** Adds facts to this process's lock (the server's control socket). */
export function noteInLock(dataDir: string, patch: Partial<Pick<LockHolder, "control">>): void {
  const dir = path.resolve(dataDir);
  const mine = held.get(dir);
  const file = lockPathOf(dir);
  const text = mine ? readText(file) : null;
  const current = text === null ? null : parseLockHolder(text);
  if (mine && current?.token === mine.token) replaceLock(file, { ...current, ...patch });
}

/** Who holds `dataDir` now, if anyone: the lock's holder and whether it still runs. */
export function readDataDirLock(dataDir: string): { holder: LockHolder; verdict: LockVerdict } | null {
  const text = readText(lockPathOf(path.resolve(dataDir)));
  const holder = text === null ? null : parseLockHolder(text);
  return holder ? { holder, verdict: lockVerdict(holder, os.hostname(), probeProcess) } : null;
}

// A process that ends, however it ends short of a kill -9, leaves no lock behind.
process.once("exit", () => {
  for (const [dir, mine] of held) removeIfOurs(dir, mine.token);
  held.clear();
});
