import { TableScroll } from "@/components/ui/table-scroll";
import { Badge } from "@/components/ui/badge";
import { formatFileSize } from "@/lib/attachments/file-size";
import type { BackupRunJson } from "@/lib/backup/list-backups";
import { formatMilliseconds } from "@/lib/format/duration";
import { BACKUP_STATUS_LABEL } from "@/lib/labels";

const STATUS_TONE = { RUNNING: "blue", SUCCEEDED: "green", FAILED: "red" } as const;

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")}`;
const duration = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatMilliseconds(ms));

/** The scheduled backups, newest first: one line each, the error under a failed one. */
export function BackupTable({ runs }: { runs: BackupRunJson[] }) {
  return (
    <TableScroll label="Backups">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2 whitespace-nowrap">Started (UTC)</th>
            <th scope="col" className="p-2">Result</th>
            <th scope="col" className="p-2 text-right">Size</th>
            <th scope="col" className="p-2 text-right">Took</th>
            <th scope="col" className="p-2 text-right">Tickets</th>
            <th scope="col" className="p-2 text-right">Files</th>
            <th scope="col" className="p-2">Archive</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              {/* On a phone, date and time may go on two lines, so that the result and its error keep some width. */}
              <td className="p-2 tabular-nums sm:whitespace-nowrap">
                <span className="whitespace-nowrap">{utc(r.startedAt).slice(0, 10)}</span> <span className="whitespace-nowrap">{utc(r.startedAt).slice(11)}</span>
              </td>
              <td className="p-2">
                <Badge tone={STATUS_TONE[r.status]}>{BACKUP_STATUS_LABEL[r.status]}</Badge>
                {r.error && <p className="mt-1 max-w-md min-w-40 text-xs text-red-800 wrap-anywhere">{r.error}</p>}
              </td>
              <td className="p-2 text-right whitespace-nowrap tabular-nums">{r.bytes === null ? "—" : formatFileSize(r.bytes)}</td>
              <td className="p-2 text-right whitespace-nowrap tabular-nums">{r.durationMs === null ? "—" : duration(r.durationMs)}</td>
              <td className="p-2 text-right tabular-nums">{r.tickets?.toLocaleString("en") ?? "—"}</td>
              <td className="p-2 text-right tabular-nums">{r.attachments?.toLocaleString("en") ?? "—"}</td>
              {/* The whole path, wrapped anywhere: its end (the file's name) is what tells one archive from another. */}
              <td className="min-w-48 p-2 font-mono text-xs wrap-anywhere">
                {r.removedAt ? <span className="text-slate-500">removed {utc(r.removedAt)} (older than the newest kept)</span> : `${r.fileName} on ${r.host}`}
                {!r.scheduled && <span className="block font-sans text-slate-600">by npm run db:backup</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
