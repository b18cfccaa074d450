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
