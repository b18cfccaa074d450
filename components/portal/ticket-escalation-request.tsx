"use client";

import { Button } from "@/components/ui/button";
import { TicketActionForm } from "./ticket-action-form";
import type { PortalAction } from "./ticket-action-state";
import { TicketTextField } from "./ticket-text-field";

/** Ask support to escalate, with a reason. Support decides; the customer is told so. */
export function TicketEscalationRequest({ action, number, version }: { action: PortalAction; number: string; version: number }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Ask for escalation</summary>
      <TicketActionForm action={action} number={number} version={version} label="Ask for escalation" className="mt-3">
        {(state, pending) => (
          <>
            <TicketTextField
              id="escalation-reason"
              name="reason"
              label="Why does this need more attention?"
              hint="Your service desk agent and their managers are told; they decide how to proceed."
              errors={state.fields?.reason}
            />
            <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
              Send request
            </Button>
          </>
        )}
      </TicketActionForm>
    </details>
  );
}
