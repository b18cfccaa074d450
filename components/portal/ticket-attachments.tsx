import type { AttachmentJson } from "@/lib/attachments/attachment-json";

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The files on a ticket the customer may see, each a download. Props only. */
export function TicketAttachments({ attachments }: { attachments: AttachmentJson[] }) {
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading" className="space-y-2">
      <h2 id="attachments-heading" className="text-base font-semibold">
        Attachments
      </h2>
      <ul className="space-y-1 text-sm">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={a.url} className="text-indigo-800 underline" download>
              {a.fileName}
            </a>{" "}
            <span className="text-slate-700">({size(a.size)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
