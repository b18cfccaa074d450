import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TicketWorkspaceView } from "@/components/tickets/ticket-workspace-view";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { assignAction, claimAction, commentAction, escalateAction, returnAction, tickSopStepAction, updateAction } from "./actions";

type Params = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).number };
}

export default async function AgentTicketPage({ params }: Params) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const { number } = await params;
  const now = new Date();
  const workspace = await loadTicketWorkspace(actor, number, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <TicketWorkspaceView
      workspace={workspace}
      serverNow={now.toISOString()}
      actions={{ claim: claimAction, escalate: escalateAction, returnToLowerTier: returnAction, assign: assignAction, update: updateAction, comment: commentAction, tickSopStep: tickSopStepAction }}
    />
  );
}
