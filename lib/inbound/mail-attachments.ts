// Issue 24: the files a reply by mail carries go through the portal's checks (lib/attachments): at most 5,
// each at most 10 MB, of a type the bytes prove. A refused file is skipped and named in the mail's reason;
// the text still lands. Pure: storing and recording happen in receive-inbound-mail.ts.
import { detectAttachmentType, safeFileName } from "@/lib/attachments/detect-type";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD, type PreparedUpload } from "@/lib/attachments/prepare-uploads";

export interface MailAttachment {
  fileName: string;
  content: Uint8Array;
}

export interface CheckedAttachments {
  accepted: PreparedUpload[];
  /** One sentence per refused file. */
  refused: string[];
}

export function checkMailAttachments(files: readonly MailAttachment[]): CheckedAttachments {
  const checked: CheckedAttachments = { accepted: [], refused: [] };
  for (const file of files) {
    if (file.content.byteLength > MAX_ATTACHMENT_BYTES) {
      checked.refused.push(`"${file.fileName}" is over 10 MB.`);
      continue;
    }
    const contentType = detectAttachmentType(file.content);
    if (!contentType) {
      checked.refused.push(`"${file.fileName}" is not an image (PNG, JPEG, GIF, WebP), a PDF or a text file.`);
      continue;
    }
    if (checked.accepted.length >= MAX_ATTACHMENTS_PER_UPLOAD) {
      checked.refused.push(`"${file.fileName}" is one file more than the ${MAX_ATTACHMENTS_PER_UPLOAD} a reply may carry.`);
      continue;
    }
    checked.accepted.push({ fileName: safeFileName(file.fileName, contentType), contentType, bytes: file.content });
  }
  return checked;
}
