"use client";

import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { TicketActionForm } from "./ticket-action-form";
import type { PortalAction } from "./ticket-action-state";

/** The customer's reply; the text stays in the box when the reply is refused. */
export function TicketReplyBox({ action, number, version }: { action: PortalAction; number: string; version: number }) {
  return (
    <TicketActionForm action={action} number={number} version={version} label="Reply">
      {(state, pending) => (
        <>
          <Field id="reply-body" label="Your reply" errors={state.fields?.body}>
            {(describedBy, invalid) => (
              <textarea
                key={state.ok ? state.message : "draft"}
                id="reply-body"
                name="body"
                rows={4}
                required
                maxLength={20_000}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={INPUT_CLASS}
              />
            )}
          </Field>
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {pending ? "Sending…" : "Send reply"}
          </Button>
        </>
      )}
    </TicketActionForm>
  );
}
