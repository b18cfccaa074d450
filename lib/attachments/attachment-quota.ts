export const MAX_FILES_PER_TICKET = 100;
export const MAX_BYTES_PER_TICKET = 200 * 1024 * 1024;

export interface TicketAttachmentTotals {
  files: number;
  bytes: number;
}

/** Would `incoming` file sizes take a ticket that already holds `held` past its quota? The message says why; null when they fit. */
export function attachmentQuotaRefusal(held: TicketAttachmentTotals, incoming: number[]): string | null {
  if (incoming.length === 0) return null;
  const files = held.files + incoming.length;
  const bytes = held.bytes + incoming.reduce((sum, size) => sum + size, 0);
  if (files > MAX_FILES_PER_TICKET) {
    return `A ticket holds at most ${MAX_FILES_PER_TICKET} files; this one has ${held.files}.`;
  }
  if (bytes > MAX_BYTES_PER_TICKET) {
    return `A ticket holds at most ${MAX_BYTES_PER_TICKET / 1024 / 1024} MB of files; this one has ${(held.bytes / 1024 / 1024).toFixed(1)} MB.`;
  }
  return null;
}
