import { formatFileSize } from "@/lib/attachments/file-size";
import type { BackupSummary } from "./create-backup";

/** The lines a person reads after a backup (the CLI, the job's log). */
export function describeBackup(s: BackupSummary): string {
  const lines = [
    `Wrote ${s.file}: ${formatFileSize(s.bytes)} in ${(s.durationMs / 1000).toFixed(1)} s.`,
    `  ${s.tickets.toLocaleString("en")} tickets, ${s.rows.toLocaleString("en")} rows in ${s.tables} tables; ${
      s.attachmentsIncluded ? `${s.attachments.toLocaleString("en")} attachment file(s), each checked against its SHA-256` : "attachments on object storage: back them up by its own means"
    }.`,
  ];
  if (s.missing.length) lines.push(`  MISSING: ${s.missing.length} attachment file(s) the database names are not in the store: ${s.missing.slice(0, 10).join(", ")}`);
  return lines.join("\n");
}
