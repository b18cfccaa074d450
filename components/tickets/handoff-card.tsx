import { CircleCheck } from "lucide-react";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HandoffGroup, HandoffJson } from "@/lib/tickets/handoff";
import { L4_KIND_LABEL } from "@/lib/labels";
import { HANDOFF_KIND_LABEL, HANDOFF_SUMMARY_LABEL } from "./handoff-labels";

const place = (tier: string, group: HandoffGroup | null) => `${tier}${group ? ` · ${group.name}` : ""}${group?.l4Kind ? ` (${L4_KIND_LABEL[group.l4Kind].toLowerCase()})` : ""}`;

/** Who said it: the L4 group for its reply (recorded by the L3 coordinator), else the person, else the sweep. */
function author(handoff: HandoffJson): string {
  if (handoff.kind === "L4_REPLY") return handoff.from.group?.name ?? "The L4 group";
  return handoff.by?.name ?? "Tierdesk (automatic)";
}

/**
 * One hand-off: from whom, to which tier and group, the reason, the summary (or guidance, or the L4 group's
 * reply) as Markdown and the SOP steps done. Props only.
 */
export function HandoffCard({ handoff, at, serverNow, pinned = false }: { handoff: HandoffJson; at: string; serverNow: string; pinned?: boolean }) {
  const { kind } = handoff;
  return (
    <div
      data-testid={pinned ? "pinned-handoff" : "handoff"}
      className={`min-w-0 rounded-md border p-3 text-sm ${kind === "L4_REPLY" ? "border-violet-300 bg-violet-50" : kind === "RETURN" ? "border-sky-300 bg-sky-50" : "border-indigo-300 bg-indigo-50"}`}
    >
      <p className="text-xs text-slate-700">
        <span className="font-semibold text-slate-900">{kind === "L4_REPLY" ? `Reply from ${author(handoff)}` : HANDOFF_KIND_LABEL[kind]}</span>
        {kind !== "L4_REPLY" && ` by ${author(handoff)}`} · <RelativeTime at={at} serverNow={serverNow} />
      </p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-slate-700">From</dt>
        <dd className="break-words">{place(handoff.from.tier, handoff.from.group)}</dd>
        <dt className="text-slate-700">To</dt>
        <dd className="break-words">{place(handoff.to.tier, handoff.to.group)}</dd>
        {handoff.externalReference && (
          <>
            <dt className="text-slate-700">Their reference</dt>
            <dd className="break-all font-mono">{handoff.externalReference}</dd>
          </>
        )}
        {kind === "L4_REPLY" && handoff.by && (
          <>
            <dt className="text-slate-700">Recorded by</dt>
            <dd className="break-words">{handoff.by.name}</dd>
          </>
        )}
      </dl>
      {handoff.reason && (
        <p className="mt-2 break-words">
          <span className="font-semibold">Reason:</span> {handoff.reason}
        </p>
      )}
      {handoff.summary && (
        <div className="mt-2">
          <p className="font-semibold">{HANDOFF_SUMMARY_LABEL[kind]}</p>
          <Markdown>{handoff.summary}</Markdown>
        </div>
      )}
      {handoff.openRequiredSteps.length > 0 && (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2" data-testid="handoff-sop-open">
          <p className="font-semibold">{handoff.sopOverride ? "SOP overridden" : "Required SOP steps left"}</p>
          {handoff.sopOverride && <p className="break-words">{handoff.sopOverride}</p>}
          <ul aria-label="Required SOP steps left" className="mt-1 list-disc pl-5">
            {handoff.openRequiredSteps.map((step) => (
              <li key={step} className="break-words">
                {step}
              </li>
            ))}
          </ul>
        </div>
      )}
      {handoff.stepsDone.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">SOP steps done</p>
          <ul aria-label="SOP steps done" className="mt-1 space-y-1">
            {handoff.stepsDone.map((step) => (
              <li key={step} className="flex gap-1.5 break-words">
                <CircleCheck aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-green-700" />
                <span className="min-w-0">{step}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
