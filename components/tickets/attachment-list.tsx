import { FileText } from "lucide-react";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { formatFileSize } from "@/lib/attachments/file-size";
import { ATTACHMENT_TYPE_LABEL } from "./handoff-labels";

/** The files that came with a reply, note or the ticket: a thumbnail for images, name, size and type; each downloads. Props only. */
export function AttachmentList({ attachments, label }: { attachments: AttachmentJson[]; label: string }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-2" data-testid="attachments">
      {attachments.map((a) => (
        <li key={a.id} className="min-w-0 max-w-full">
          <a
            href={a.url}
            download={a.fileName}
            className="flex min-w-0 max-w-xs items-center gap-2 rounded-md border border-slate-300 bg-white p-1.5 pr-3 text-sm hover:bg-slate-50"
          >
            {a.contentType.startsWith("image/") ? (
              // A stored upload of unknown size, served by the scoped download route: next/image does not apply.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={a.url} alt="" width={48} height={48} loading="lazy" className="h-12 w-12 shrink-0 rounded object-cover" />
            ) : (
              <FileText aria-hidden="true" className="h-12 w-12 shrink-0 p-2 text-slate-600" />
            )}
            <span className="min-w-0">
              <span className="block truncate font-medium text-indigo-800 underline" title={a.fileName}>
                {a.fileName}
              </span>
              <span className="block text-xs text-slate-700">
                {formatFileSize(a.size)} · {ATTACHMENT_TYPE_LABEL[a.contentType] ?? a.contentType}
              </span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
