// What the lock file of an embedded data directory says about its holder, and whether that holder still runs:
// pure, so the rules are tested without processes (the file itself: lib/db/data-dir-lock.ts).

/** One process named in the lock: its pid and, where the system tells it, when it started (pid reuse). */
export interface LockProcess {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); null where /proc is not there. */
  startTicks: string | null;
}

/** The lock file's content (JSON), as PostgreSQL's postmaster.pid tells who runs on a data directory. */
export interface LockHolder extends LockProcess {
  /** What holds it, in words: "npm start", "npm run db:backup" … */
  purpose: string;
  /** The command line that took it. */
  command: string;
  host: string;
  /** When it was taken (ISO instant). */
  since: string;
  /** Random: a child given it (the server npm start spawns) adopts the lock instead of refusing. */
  token: string;
  /** The server npm start spawned, once it runs: it holds the directory open while npm start waits. */
  server?: LockProcess;
  /** The server's control socket (backups of the running server go through it). */
  control?: string;
}

/** What the system says about a pid now: not running, or running since `startTicks` (null when unknown). */
export type ProbeProcess = (pid: number) => { running: false } | { running: true; startTicks: string | null };

export type LockVerdict = "live" | "stale" | "other-host";

/** A process named in the lock still runs when its pid does and, where both start times are known, they agree. */
export function isSameProcessRunning(process: LockProcess, probe: ProbeProcess): boolean {
  const now = probe(process.pid);
  if (!now.running) return false;
  return process.startTicks === null || now.startTicks === null || process.startTicks === now.startTicks;
}

/**
 * Live while the holder or its server still runs; stale when neither does (a crash, kill -9, a reboot, or the
 * pid now belongs to another program). A lock taken on another host cannot be checked from here (a shared
 * network directory): it counts as held.
 */
export function lockVerdict(holder: LockHolder, thisHost: string, probe: ProbeProcess): LockVerdict {
  if (holder.host !== thisHost) return "other-host";
  const named = holder.server ? [holder, holder.server] : [holder];
  return named.some((p) => isSameProcessRunning(p, probe)) ? "live" : "stale";
}

/** Parses the lock file's text; null when it is not a lock this module wrote. */
export function parseLockHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || typeof value.host !== "string" || typeof value.token !== "string") return null;
    return value as LockHolder;
  } catch {
    return null;
  }
}

/** The pid to stop: npm start's, which stops its server (SIGTERM), or the server's when npm start is gone. */
export function pidToStop(holder: LockHolder, probe: ProbeProcess): number {
  if (holder.server && !isSameProcessRunning(holder, probe)) return holder.server.pid;
  return holder.pid;
}

/** The message a second process prints before it exits: which process, since when, how to stop it. */
export function lockedMessage(dataDir: string, holder: LockHolder, verdict: LockVerdict, probe: ProbeProcess): string {
  const since = holder.since.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const server = holder.server ? ` (its server: pid ${holder.server.pid})` : "";
  const lines = [
    `The embedded database ${dataDir} is in use by another Tierdesk process:`,
    `  ${holder.purpose}, pid ${holder.pid}${server} on ${holder.host}, since ${since}`,
    `  command: ${holder.command}`,
  ];
  if (verdict === "other-host") {
    lines.push(
      `It runs on another host (${holder.host}), so this one cannot tell whether it still does. Stop it there; if it is gone, remove ${lockFileName(dataDir)}.`,
    );
  } else {
    lines.push(`Stop it first (Ctrl+C in its terminal, or: kill ${pidToStop(holder, probe)}), or give this one another directory: DATABASE_URL=file:<dir>.`);
  }
  lines.push("Two processes on one embedded database can corrupt it, so this one does not open it.");
  return lines.join("\n");
}

export const LOCK_FILE = "tierdesk.pid";

export function lockFileName(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}/${LOCK_FILE}`;
}
