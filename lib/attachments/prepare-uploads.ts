import { AppError } from "@/lib/errors";
import { detectAttachmentType, safeFileName, type AttachmentType } from "./detect-type";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 5;
/** The form field (and multipart part) that carries the files. */
export const ATTACHMENTS_FIELD = "attachments";

/** A checked upload, still in memory: its detected type, a safe name and its bytes. */
export interface PreparedUpload {
  fileName: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
}

/**
 * The files among form entries. A file input left empty still submits an empty part (named "" by
 * browsers, "undefined" after a server action decodes it): empty files carry nothing and are skipped.
 */
export function filesIn(entries: FormDataEntryValue[]): File[] {
  return entries.filter((e): e is File => typeof e !== "string" && e.size > 0);
}

/**
 * Checks uploads before anything is written: at most 5, each at most 10 MB (413) and of a type the bytes
 * prove (PNG, JPEG, GIF, WebP, PDF, or UTF-8 text without NULs; else 415). The client's content type is
 * ignored and its file name only kept, sanitized, for the download.
 */
export async function prepareUploads(files: File[]): Promise<PreparedUpload[]> {
  if (files.length > MAX_ATTACHMENTS_PER_UPLOAD) {
    throw new AppError("VALIDATION", `Attach at most ${MAX_ATTACHMENTS_PER_UPLOAD} files.`, {
      [ATTACHMENTS_FIELD]: [`Attach at most ${MAX_ATTACHMENTS_PER_UPLOAD} files.`],
    });
  }
  const tooLarge = files.find((f) => f.size > MAX_ATTACHMENT_BYTES);
  if (tooLarge) {
    const message = `"${tooLarge.name}" is over 10 MB.`;
    throw new AppError("PAYLOAD_TOO_LARGE", message, { [ATTACHMENTS_FIELD]: [message] });
  }
  const prepared: PreparedUpload[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const contentType = detectAttachmentType(bytes);
    if (!contentType) {
      const message = `"${file.name}" is not an image (PNG, JPEG, GIF, WebP), a PDF or a text file.`;
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, { [ATTACHMENTS_FIELD]: [message] });
    }
    prepared.push({ fileName: safeFileName(file.name, contentType), contentType, bytes });
  }
  return prepared;
}
