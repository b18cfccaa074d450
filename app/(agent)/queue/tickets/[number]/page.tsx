import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TicketWorkspaceView } from "@/components/tickets/ticket-workspace-view";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { listTicketMacros } from "@/lib/macros/ticket-macros";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { LinksPanel } from "@/components/incidents/links-panel";
import { getIncidentPanel } from "@/lib/incidents/incident-panel";
import { attachChildAction, declareMajorIncidentAction, detachChildAction, linkTicketAction } from "./incident-actions";
import { assignAction, claimAction, commentAction, escalateAction, previewMacroAction, recordVendorResponseAction, returnAction, tickSopStepAction, updateAction } from "./actions";

type Params = PageProps<"/queue/tickets/[number]">;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).number };
}

export default async function AgentTicketPage({ params }: Params) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const { number } = await params;
  const now = new Date();
  const [workspace, macros] = await Promise.all([loadTicketWorkspace(actor, number, now), listTicketMacros(actor, number)]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const links = await getIncidentPanel(actor, workspace.ticket.number);
  return (
    <TicketWorkspaceView
      workspace={workspace}
      macros={macros}
      serverNow={now.toISOString()}
      linksPanel={
        <LinksPanel
          panel={links}
          actions={{ declare: declareMajorIncidentAction, attach: attachChildAction, detach: detachChildAction, link: linkTicketAction }}
        />
      }
      actions={{ claim: claimAction, escalate: escalateAction, returnToLowerTier: returnAction, assign: assignAction, update: updateAction, comment: commentAction, previewMacro: previewMacroAction, tickSopStep: tickSopStepAction, recordVendorResponse: recordVendorResponseAction }}
    />
  );
}
