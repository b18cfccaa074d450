// A backup that leaves its record: a BackupRun row, RUNNING while it works, then its result, size and duration
// (the admin page lists them). Used by the scheduled job and by `npm run db:backup`, wherever it runs.
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { BackupRun } from "@/lib/db/generated/client";
import { createBackup, type BackupSummary } from "./create-backup";

export interface RecordedBackup {
  run: BackupRun;
  status: "SUCCEEDED" | "FAILED";
  summary: BackupSummary | null;
  durationMs: number;
  error: string | null;
}

export async function startBackupRecord(file: string, scheduled: boolean, now: Date): Promise<BackupRun> {
  return db().backupRun.create({ data: { scheduled, status: "RUNNING", startedAt: now, fileName: path.resolve(file), host: os.hostname() } });
}

/** Makes the backup `run` stands for and records how it went; never throws for a failed backup (the record says). */
export async function completeBackup(run: BackupRun, now: Date): Promise<RecordedBackup> {
  const started = performance.now();
  try {
    const summary = await createBackup(run.fileName, now);
    const error = summary.missing.length
      ? `${summary.missing.length} attachment file(s) the database names are missing from the store: ${summary.missing.slice(0, 5).join(", ")}${summary.missing.length > 5 ? " …" : ""}`
      : null;
    const status = error ? "FAILED" : "SUCCEEDED";
    await db().backupRun.update({
      where: { id: run.id },
      data: { status, finishedAt: new Date(now.getTime() + summary.durationMs), bytes: summary.bytes, durationMs: summary.durationMs, tickets: summary.tickets, attachments: summary.attachments, error },
    });
    return { run, status, summary, durationMs: summary.durationMs, error };
  } catch (failure) {
    const durationMs = Math.round(performance.now() - started);
    const error = (failure as Error).message || String(failure);
    await db().backupRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(now.getTime() + durationMs), durationMs, error } });
    return { run, status: "FAILED", summary: null, durationMs, error };
  }
}

/** `npm run db:backup`: a recorded backup to `file`. */
export async function recordedBackup(file: string, now = new Date()): Promise<RecordedBackup> {
  return completeBackup(await startBackupRecord(file, false, now), now);
}
