// The scheduled backup (TIERDESK_BACKUP_HOURS): every instance asks every few minutes whether one is due; under
// a transaction-scoped advisory lock the first to find it due records a RUNNING row, so one instance runs it
// per period however many run the app (the others find that row and do nothing). It writes the archive into
// TIERDESK_BACKUP_DIR, records size, duration and result, keeps the newest TIERDESK_BACKUP_KEEP archives,
// and on a failure tells every admin by mail (the outbox the mail worker sends) besides the run's own record.
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { BackupRun } from "@/lib/db/generated/client";
import { backupDue, backupFileName, backupSettings, type BackupSettings } from "./backup-schedule";
import { completeBackup } from "./recorded-backup";

const BACKUP_LOCK_KEY = 7_262_021;

export interface ScheduledBackupResult {
  runId: number;
  status: "SUCCEEDED" | "FAILED";
  bytes: number | null;
  durationMs: number;
  error: string | null;
  removedArchives: number;
}

/** Claims this period's run, or returns null when another instance already did (or it is not due). */
async function claimRun(now: Date, settings: BackupSettings): Promise<BackupRun | null> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${BACKUP_LOCK_KEY})`;
    const last = await tx.backupRun.findFirst({ where: { scheduled: true }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
    if (last && !backupDue(last.startedAt, now, settings.hours)) return null;
    if (last?.status === "RUNNING") {
      await tx.backupRun.update({
        where: { id: last.id },
        data: { status: "FAILED", finishedAt: now, error: "Interrupted: the instance making it stopped before it finished." },
      });
    }
    return tx.backupRun.create({
      data: { scheduled: true, status: "RUNNING", startedAt: now, fileName: path.join(settings.dir, backupFileName(now)), host: os.hostname() },
    });
  });
}

/** Runs a backup if one is due; null when there was nothing to do. */
export async function runScheduledBackup(now: Date, settings = backupSettings(process.env)): Promise<ScheduledBackupResult | null> {
  if (settings.hours === 0) return null;
  const run = await claimRun(now, settings);
  if (!run) return null;
  const done = await completeBackup(run, now);
  const result: ScheduledBackupResult = { runId: run.id, status: done.status, bytes: done.summary?.bytes ?? null, durationMs: done.durationMs, error: done.error, removedArchives: 0 };
  if (done.status === "SUCCEEDED") result.removedArchives = await removeOldArchives(settings, now);
  else await alertAdmins(run, done.error!, now);
  return result;
}

/** Removes this host's scheduled archives beyond the newest `keep` successful ones, and says so on their rows. */
async function removeOldArchives(settings: BackupSettings, now: Date): Promise<number> {
  const old = await db().backupRun.findMany({
    where: { scheduled: true, status: "SUCCEEDED", host: os.hostname(), removedAt: null },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    skip: settings.keep,
  });
  for (const run of old) {
    await rm(run.fileName, { force: true });
    await db().backupRun.update({ where: { id: run.id }, data: { removedAt: now } });
  }
  return old.length;
}

/** Mail to every active admin with an address, through the outbox; one per run and admin. */
async function alertAdmins(run: BackupRun, error: string, now: Date): Promise<void> {
  const admins = await db().user.findMany({ where: { role: "ADMIN", active: true, email: { not: null } }, select: { id: true, email: true } });
  if (!admins.length) return;
  await db().outboxMessage.createMany({
    data: admins.map((admin) => ({
      toAddress: admin.email!,
      subject: "Tierdesk: the scheduled backup failed",
      body: `The backup started at ${now.toISOString().slice(0, 16).replace("T", " ")} UTC on ${run.host} failed:\n\n${error}\n\nThe backups page lists every run.`,
      dedupeKey: `backup-failed:${run.id}:${admin.id}`,
      linkPath: "/admin/backups",
      nextAttemptAt: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
}
