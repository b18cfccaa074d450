import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { BackupStatus } from "@/lib/db/generated/enums";
import { requireAdminRead } from "@/lib/admin/authorize";
import { backupSettings } from "./backup-schedule";

export interface BackupRunJson {
  id: number;
  scheduled: boolean;
  status: BackupStatus;
  startedAt: string;
  finishedAt: string | null;
  fileName: string;
  host: string;
  bytes: number | null;
  durationMs: number | null;
  tickets: number | null;
  attachments: number | null;
  error: string | null;
  removedAt: string | null;
}

export interface BackupOverview {
  /** The schedule as this instance reads it (every instance should be given the same). */
  schedule: { hours: number; keep: number; dir: string };
  runs: BackupRunJson[];
  /** The newest finished run failed: the page says so above the list. */
  lastFailed: BackupRunJson | null;
}

export const BACKUP_PAGE_SIZE = 30;

/** The newest scheduled backups, for admins and managers (read only). */
export async function listBackups(actor: Actor): Promise<BackupOverview> {
  requireAdminRead(actor);
  const rows = await db().backupRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: BACKUP_PAGE_SIZE });
  const runs = rows.map((r) => ({
    id: r.id,
    scheduled: r.scheduled,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    fileName: r.fileName,
    host: r.host,
    bytes: r.bytes === null ? null : Number(r.bytes),
    durationMs: r.durationMs,
    tickets: r.tickets,
    attachments: r.attachments,
    error: r.error,
    removedAt: r.removedAt?.toISOString() ?? null,
  }));
  const lastFinished = runs.find((r) => r.status !== "RUNNING") ?? null;
  const { hours, keep, dir } = backupSettings(process.env);
  return { schedule: { hours, keep, dir }, runs, lastFailed: lastFinished?.status === "FAILED" ? lastFinished : null };
}
