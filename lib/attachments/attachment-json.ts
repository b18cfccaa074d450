/** An attachment as the API and the pages show it; `url` downloads it (for those who may see the ticket). */
export interface AttachmentJson {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export function toAttachmentJson(
  ticketNumber: string,
  a: { id: string; fileName: string; contentType: string; size: number; createdAt: Date },
): AttachmentJson {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
    url: `/api/v1/tickets/${ticketNumber}/attachments/${a.id}`,
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Oldest first, then by name (code points, whatever the database's collation), then id: files sent
 * together share their createdAt, and every list shows them in the same order.
 */
export function inListOrder<T extends { createdAt: Date; fileName: string; id: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byCodePoint(a.fileName, b.fileName) || byCodePoint(a.id, b.id),
  );
}
