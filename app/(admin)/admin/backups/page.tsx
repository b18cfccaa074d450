import type { Metadata } from "next";
import { TriangleAlert } from "lucide-react";
import { BackupTable } from "@/components/admin/backup-table";
import { requirePageActor } from "@/lib/auth/page-guard";
import { BACKUP_PAGE_SIZE, listBackups } from "@/lib/backup/list-backups";

export const metadata: Metadata = { title: "Backups" };

const every = (hours: number) => (hours === 1 ? "every hour" : Number.isInteger(hours) ? `every ${hours} hours` : `every ${hours * 60} minutes`);

export default async function BackupsPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const { schedule, runs, lastFailed } = await listBackups(actor);
  return (
    <section aria-labelledby="backups-heading" className="space-y-4">
      <h1 id="backups-heading" className="text-xl font-bold">
        Backups
      </h1>
      {lastFailed && (
        <p role="alert" className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span className="wrap-anywhere">
            The last backup, started {lastFailed.startedAt.slice(0, 16).replace("T", " ")} UTC, failed: {lastFailed.error}
          </span>
        </p>
      )}
      <p className="text-sm text-slate-700">
        {schedule.hours
          ? `The database and the attachment files are backed up ${every(schedule.hours)} by one instance, into ${schedule.dir}, keeping the newest ${schedule.keep}. A failed backup is mailed to every admin.`
          : "The scheduled backup is off: set TIERDESK_BACKUP_HOURS to turn it on."}{" "}
        Any time: <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run db:backup -- &lt;file&gt;</code>; restore with{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run db:restore -- &lt;file&gt;</code>.
      </p>
      {runs.length ? <BackupTable runs={runs} /> : <p className="text-sm text-slate-700">No backup has been made yet.</p>}
      {runs.length === BACKUP_PAGE_SIZE && <p className="text-xs text-slate-600">The newest {BACKUP_PAGE_SIZE} runs.</p>}
    </section>
  );
}
