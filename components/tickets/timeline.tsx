import { QuotedText } from "@/components/inbound/quoted-text";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import { describeCandidateLog } from "@/lib/routing/candidate-log";
import type { TimelineEntry } from "@/lib/tickets/ticket-timeline";
import { EVENT_LABEL } from "./agent-labels";
import { AttachmentList } from "./attachment-list";
import { HandoffCard } from "./handoff-card";

/** Every event with the sentence that says why (hand-offs as cards), and every reply and note with its files, oldest first. */
export function Timeline({ entries, serverNow }: { entries: TimelineEntry[]; serverNow: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="min-w-0">
      <h2 id="timeline-heading" className="mb-2 font-semibold">
        Timeline
      </h2>
      <ol className="space-y-2" data-testid="timeline">
        {entries.map((entry) =>
          entry.kind === "event" ? (
            entry.event.handoff ? (
              <li key={entry.key}>
                <HandoffCard handoff={entry.event.handoff} at={entry.at} serverNow={serverNow} />
              </li>
            ) : (
              <li key={entry.key} className="min-w-0 border-l-2 border-slate-300 pl-3 text-sm">
                <p className="break-words text-xs text-slate-700 [overflow-wrap:anywhere]">
                  <span className="font-semibold text-slate-800">{EVENT_LABEL[entry.event.type]}</span>
                  {entry.event.actor ? ` · ${entry.event.actor.name}` : " · Tierdesk"} · <RelativeTime at={entry.at} serverNow={serverNow} />
                </p>
                <p className="break-words [overflow-wrap:anywhere]">{entry.event.explanation}</p>
                <CandidatesLine inputs={entry.event.details?.inputs} />
              </li>
            )
          ) : (
            <li
              key={entry.key}
              data-testid={entry.visibility === "PUBLIC" ? "public-reply" : "internal-note"}
              className={`min-w-0 rounded-md border p-3 ${entry.visibility === "PUBLIC" ? "border-sky-300 bg-white" : "border-dashed border-amber-400 bg-amber-50"}`}
            >
              <p className="mb-1 break-words text-xs text-slate-700 [overflow-wrap:anywhere]">
                <span className={`mr-1 rounded px-1.5 py-0.5 font-semibold ${entry.visibility === "PUBLIC" ? "bg-sky-100 text-sky-900" : "bg-amber-200 text-amber-950"}`}>
                  {entry.visibility === "PUBLIC" ? "Public reply" : "Internal note"}
                </span>
                {entry.author.name} · <RelativeTime at={entry.at} serverNow={serverNow} />
              </p>
              <Markdown className="[overflow-wrap:anywhere]">{entry.body}</Markdown>
              {entry.quoted && <QuotedText text={entry.quoted} />}
              <AttachmentList attachments={entry.attachments} label={`Files with this ${entry.visibility === "PUBLIC" ? "reply" : "note"}`} />
              {entry.explanation && <p className="mt-1 text-xs text-slate-700">{entry.explanation}</p>}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/** An automatic assignment's candidates in one line: the best five with their loads, the rest summed up. */
function CandidatesLine({ inputs }: { inputs: unknown }) {
  const line = describeCandidateLog(inputs);
  if (!line) return null;
  const considered = (inputs as { considered?: unknown }).considered;
  return (
    <p data-testid="decision-candidates" className="break-words text-xs text-slate-600 [overflow-wrap:anywhere]">
      {typeof considered === "number" ? `Considered ${considered}: ` : "Considered: "}
      {line}
    </p>
  );
}
