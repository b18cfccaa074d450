// Pure rules of the scheduled backup: its settings from the environment, when one is due, what it is called.
import path from "node:path";

export interface BackupSettings {
  /** Hours between backups; 0 (the default) turns the scheduled backup off. */
  hours: number;
  /** How many of the newest successful archives this host keeps. */
  keep: number;
  /** Where the archives go. */
  dir: string;
}

export const DEFAULT_BACKUP_KEEP = 7;
export const DEFAULT_BACKUP_DIR = ".data/backups";
/** How often an instance asks whether a backup is due: the schedule's own period when shorter. */
const TICK_SECONDS = 300;

export function backupSettings(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): BackupSettings {
  const hours = Number(env.TIERDESK_BACKUP_HOURS ?? 0);
  const keep = Number(env.TIERDESK_BACKUP_KEEP ?? DEFAULT_BACKUP_KEEP);
  return {
    hours: Number.isFinite(hours) && hours > 0 ? hours : 0,
    keep: Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_BACKUP_KEEP,
    dir: path.resolve(/*turbopackIgnore: true*/ cwd, env.TIERDESK_BACKUP_DIR || DEFAULT_BACKUP_DIR),
  };
}

/** Seconds between the job's checks (0: off). */
export function backupTickSeconds(settings: BackupSettings): number {
  return settings.hours === 0 ? 0 : Math.max(1, Math.min(TICK_SECONDS, Math.round(settings.hours * 3600)));
}

/** A backup is due when none was ever started, or the last one started a whole period ago or more. */
export function backupDue(lastStartedAt: Date | null, now: Date, hours: number): boolean {
  return lastStartedAt === null || now.getTime() - lastStartedAt.getTime() >= hours * 3_600_000;
}

/** tierdesk-backup-20261203-091348.tar.gz: sorts by time, and says when it was made. */
export function backupFileName(now: Date): string {
  return `tierdesk-backup-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}.tar.gz`;
}
