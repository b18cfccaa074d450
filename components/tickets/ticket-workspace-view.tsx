"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Markdown } from "@/components/ui/markdown";
import { ShortcutHelp, type Shortcut } from "@/components/ui/shortcut-help";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { escalationSummaryDraft } from "@/lib/tickets/core/sop-steps";
import type { MacroChoice } from "@/lib/macros/ticket-macros";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { ActionBar } from "./action-bar";
import type { ActionResult, ConflictInfo, TicketPageActions } from "./action-result";
import { AGENT_STATUS_LABEL } from "./agent-labels";
import { AssignDialog } from "./assign-dialog";
import { AttachmentList } from "./attachment-list";
import { ClassificationPanel, type Reclassification } from "./classification-panel";
import { Composer } from "./composer";
import { ConflictNotice } from "./conflict-notice";
import { CustomerPanel } from "./customer-panel";
import { MonitoringAlertPanel } from "./monitoring-alert-panel";
import { EscalateDialog } from "./escalate-dialog";
import { HandedOffPanel } from "./handed-off-panel";
import { HandoffCard } from "./handoff-card";
import { PresenceIndicator } from "./presence-indicator";
import { ReturnDialog } from "./return-dialog";
import { SopPanel } from "./sop-panel";
import { VendorPanel } from "./vendor-panel";
import { TicketChangedNotice } from "./ticket-changed-notice";
import { TicketHeader } from "./ticket-header";
import { Timeline } from "./timeline";
import { useShortcuts } from "./use-shortcuts";
import { useTicketChanges } from "./use-ticket-changes";
import { LEVEL_LABEL } from "@/lib/labels";

type Change = { status?: TicketStatus } & Reclassification;
type OpenDialog = "escalate" | "return" | "assign" | "help" | null;

const SHORTCUTS: Shortcut[] = [
  { key: "c", does: "Claim the ticket" },
  { key: "e", does: "Escalate the ticket" },
  { key: "r", does: "Write a reply or note" },
  { key: "m", does: "Apply a macro to the reply or note" },
  { key: "?", does: "Show this list" },
];

function describeChange(change: Change): string {
  const parts = [
    change.status && `status → ${AGENT_STATUS_LABEL[change.status]}`,
    change.impact && `impact → ${LEVEL_LABEL[change.impact]}`,
    change.urgency && `urgency → ${LEVEL_LABEL[change.urgency]}`,
    change.category && `category → ${change.category}`,
  ];
  return parts.filter(Boolean).join(", ");
}

/** The agent's ticket page: header and clocks, actions, timeline and composer, and the side panels. */
export function TicketWorkspaceView({
  workspace,
  macros = [],
  actions,
  serverNow,
  linksPanel,
}: {
  workspace: TicketWorkspace;
  macros?: MacroChoice[];
  actions: TicketPageActions;
  serverNow: string;
  /** The Links panel (linked tickets and major incidents), rendered by the page. */
  linksPanel?: ReactNode;
}) {
  const { ticket, actions: allowed } = workspace;
  const openEngagement = workspace.vendorEngagements[0]?.endedAt === null ? workspace.vendorEngagements[0] : null;
  const router = useRouter();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ ok: boolean; text: string } | null>(null);
  const [conflict, setConflict] = useState<{ info: ConflictInfo; change: Change } | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const live = useTicketChanges(ticket.number, ticket.version);

  const stepsDone = useMemo(() => workspace.sop?.steps.filter((s) => s.done).map((s) => s.text) ?? [], [workspace.sop]);
  const openRequired = useMemo(() => workspace.sop?.steps.filter((s) => s.required && !s.done).map((s) => s.text) ?? [], [workspace.sop]);
  const summaryDraft = useMemo(() => {
    const notes = workspace.timeline.flatMap((e) => (e.kind === "comment" && e.visibility === "INTERNAL" ? [{ author: e.author.name, body: e.body }] : []));
    return escalationSummaryDraft(workspace.sop?.title ?? null, stepsDone, notes);
  }, [workspace.sop, workspace.timeline, stepsDone]);

  async function perform(action: () => Promise<ActionResult>): Promise<ActionResult> {
    setBusy(true);
    try {
      const result = await action();
      setFlash({ ok: result.ok, text: result.message });
      if (result.ok) setDialog(null);
      return result;
    } finally {
      setBusy(false);
    }
  }

  async function save(change: Change, version: number, seenEvents: number) {
    const result = await perform(() => actions.update(ticket.number, { version, ...change }, seenEvents));
    if (!result.ok && result.conflict) {
      setFlash(null);
      setConflict({ info: result.conflict, change });
    } else if (result.ok) setConflict(null);
  }

  const claim = allowed.claim ? () => void perform(() => actions.claim(ticket.number)) : undefined;
  const escalate = allowed.escalate ? () => setDialog("escalate") : undefined;
  useShortcuts({ c: claim, e: escalate, r: () => composerRef.current?.focus(), "?": () => setDialog("help") });

  return (
    <article aria-labelledby="ticket-heading" className="min-w-0 space-y-4 pb-20 sm:pb-0">
      <TicketHeader ticket={ticket} vendor={openEngagement} serverNow={serverNow} />
      <PresenceIndicator ticketNumber={ticket.number} />
      {live.change && <TicketChangedNotice change={live.change} shownVersion={ticket.version} onReload={live.reload} />}
      {workspace.pinnedHandoff && (
        <section aria-label="Hand-off to act on">
          <HandoffCard handoff={workspace.pinnedHandoff.handoff} at={workspace.pinnedHandoff.at} serverNow={serverNow} pinned />
        </section>
      )}
      {workspace.handedOff && !allowed.comment && <HandedOffPanel nextTicket={workspace.nextTicket} />}
      {conflict && (
        <ConflictNotice
          conflict={conflict.info}
          attempted={describeChange(conflict.change)}
          busy={busy}
          onRetry={() => void save(conflict.change, conflict.info.currentVersion, workspace.eventCount + conflict.info.changes.length)}
          onDiscard={() => {
            setConflict(null);
            router.refresh();
          }}
        />
      )}
      {flash && (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${flash.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          {flash.text}
        </p>
      )}
      <ActionBar
        ticket={ticket}
        actions={allowed}
        busy={busy}
        onClaim={() => claim?.()}
        onEscalate={() => setDialog("escalate")}
        onReturn={() => setDialog("return")}
        onStatus={(status) => void save({ status }, ticket.version, workspace.eventCount)}
        onAssign={() => setDialog("assign")}
      />
      <p className="hidden text-xs text-slate-700 sm:block">
        Press <kbd className="rounded border border-slate-400 px-1 font-mono">?</kbd> for keyboard shortcuts.
      </p>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <section aria-labelledby="description-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="description-heading" className="mb-2 font-semibold">
              Description
            </h2>
            <Markdown className="[overflow-wrap:anywhere]">{ticket.description}</Markdown>
            <AttachmentList attachments={workspace.ticketAttachments} label="Files with the ticket" />
          </section>
          <Timeline entries={workspace.timeline} serverNow={serverNow} />
          {(allowed.comment || allowed.note) && (
            <Composer
              textareaRef={composerRef}
              notesOnly={!allowed.comment}
              macros={macros}
              onSend={(form) => perform(() => actions.comment(ticket.number, form))}
              onPreviewMacro={(id) => actions.previewMacro(ticket.number, id)}
            />
          )}
        </div>
        <div className="min-w-0 space-y-4">
          <CustomerPanel customer={ticket.customer} otherTickets={workspace.customerTickets} />
          <MonitoringAlertPanel alerts={workspace.monitoringAlerts} serverNow={serverNow} />
          <VendorPanel
            engagements={workspace.vendorEngagements}
            canRecordResponse={allowed.recordVendorResponse}
            onRecordResponse={(input) => perform(() => actions.recordVendorResponse(ticket.number, input))}
          />
          <ClassificationPanel
            key={ticket.version}
            ticket={ticket}
            categories={workspace.categories}
            previews={workspace.previews}
            editable={allowed.reclassify}
            busy={busy}
            onSave={(change) => void save(change, ticket.version, workspace.eventCount)}
          />
          <SopPanel
            sop={workspace.sop}
            related={workspace.relatedArticles}
            serverNow={serverNow}
            canTick={allowed.tickSop}
            onTick={(step, done) => actions.tickSopStep(ticket.number, step, done)}
          />
          {linksPanel}
        </div>
      </div>

      <EscalateDialog
        open={dialog === "escalate"}
        toTier={allowed.escalateTo}
        summaryDraft={summaryDraft}
        openRequiredSteps={ticket.tier === "L1" ? openRequired : []}
        l4Groups={workspace.l4Groups}
        onSubmit={(input) => perform(() => actions.escalate(ticket.number, input))}
        onClose={() => setDialog(null)}
      />
      <ReturnDialog
        open={dialog === "return"}
        title={ticket.tier === "L4" ? "Record the L4 reply" : "Return to the lower tier"}
        label={ticket.tier === "L4" ? "What the vendor or team replied" : "Guidance for the lower tier"}
        onSubmit={(input) => perform(() => actions.returnToLowerTier(ticket.number, input))}
        onClose={() => setDialog(null)}
      />
      {allowed.assign && (
        <AssignDialog
          open={dialog === "assign"}
          groups={workspace.assignGroups}
          agents={workspace.assignAgents}
          onSubmit={(input) => perform(() => actions.assign(ticket.number, input))}
          onClose={() => setDialog(null)}
        />
      )}
      <ShortcutHelp open={dialog === "help"} shortcuts={SHORTCUTS} onClose={() => setDialog(null)} />
    </article>
  );
}
