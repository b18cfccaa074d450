"use client";

import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/accept";
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
          <Field id="reply-attachments" label="Attachments (optional)" hint="Screenshots, PDF, or text and log files; up to 5 files of 10 MB each." errors={state.fields?.attachments}>
            {(describedBy, invalid) => (
              <input
                key={state.ok ? state.message : "files"}
                id="reply-attachments"
                name="attachments"
                type="file"
                multiple
                accept={ATTACHMENT_ACCEPT}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
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
