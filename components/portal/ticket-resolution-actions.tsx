"use client";

import { Button } from "@/components/ui/button";
import { TicketActionForm } from "./ticket-action-form";
import type { PortalAction } from "./ticket-action-state";
import { TicketTextField } from "./ticket-text-field";

/** On a resolved ticket: confirm it ("Resolved for me", it closes) or say it is still broken (it reopens). */
export function TicketResolutionActions({ confirm, reopen, number, version }: { confirm: PortalAction; reopen: PortalAction; number: string; version: number }) {
  return (
    <section aria-labelledby="resolution-heading" className="space-y-4 rounded-lg border border-green-200 bg-green-50 p-4">
      <h2 id="resolution-heading" className="text-base font-semibold">
        Is your problem solved?
      </h2>
      <TicketActionForm action={confirm} number={number} version={version} label="Confirm resolution">
        {(_state, pending) => (
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            Resolved for me
          </Button>
        )}
      </TicketActionForm>
      <details className="rounded-md bg-white p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Still broken?</summary>
        <TicketActionForm action={reopen} number={number} version={version} label="Reopen" className="mt-3">
          {(state, pending) => (
            <>
              <TicketTextField id="reopen-reason" name="reason" label="What is still not working?" errors={state.fields?.reason} />
              <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
                Still broken
              </Button>
            </>
          )}
        </TicketActionForm>
      </details>
    </section>
  );
}
