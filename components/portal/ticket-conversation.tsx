import { Markdown } from "@/components/ui/markdown";
import type { PortalHistoryEntry, PortalReply } from "@/lib/tickets/customer-conversation";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The description, the public replies (support's set apart from the customer's), then the status history. */
export function TicketConversation({
  description,
  openedBy,
  replies,
  history,
}: {
  description: string;
  /** Who logged the ticket for the customer ("Service Desk"), or null when they opened it themselves. */
  openedBy?: string | null;
  replies: PortalReply[];
  history: PortalHistoryEntry[];
}) {
  return (
    <>
      <section aria-labelledby="conversation-heading" className="space-y-3">
        <h2 id="conversation-heading" className="text-base font-semibold">
          Conversation
        </h2>
        <article className="rounded-lg border border-slate-200 bg-white p-3">
          <p className="mb-1 text-xs font-medium text-slate-700">{openedBy ? `Description, as ${openedBy} logged it` : "Your description"}</p>
          <Markdown>{description}</Markdown>
        </article>
        <ol className="space-y-3">
          {replies.map((r) => (
            <li key={r.id} className={`rounded-lg border p-3 ${r.fromSupport ? "border-indigo-200 bg-indigo-50" : "border-slate-200 bg-white"}`}>
              <p className="mb-1 text-xs font-medium text-slate-700">
                {r.fromSupport ? `${r.author} (support)` : r.author} · <ZonedTime kind="moment" at={r.at} />
              </p>
              <Markdown>{r.body}</Markdown>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-base font-semibold">
          Status history
        </h2>
        <ol className="space-y-1 border-l-2 border-slate-200 pl-3 text-sm">
          {history.map((h, i) => (
            <li key={i}>
              <ZonedTime kind="moment" at={h.at} className="text-xs text-slate-700" />{" "}
              {h.explanation}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
