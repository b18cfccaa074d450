"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { CategorySelect, LevelSelect } from "./ticket-field-selects";
import type { CategoryOption } from "@/lib/catalog/list-categories";
import { CHANNEL_LABEL } from "@/lib/labels";
import { STAFF_CHANNELS } from "@/lib/tickets/intake-channel";
import { DESCRIPTION_MAX, RESOLUTION_MAX, TITLE_MAX } from "@/lib/validation/ticket";
import { CustomerCombobox, type CustomerOption } from "./customer-combobox";

export interface LogContactState {
  values?: Record<string, string>;
  /** The customer chosen before a refused submit, so the typeahead shows them again. */
  customer?: CustomerOption | null;
  /** The same after a refusal (nothing was created); a ticket redirects to its page. */
  idempotencyKey?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

type Action = (state: LogContactState, form: FormData) => Promise<LogContactState>;

/**
 * Staff log a contact as a ticket for a customer: the customer, the channel, then the portal's own fields
 * (the same ZCreateTicket schema checks both), and optionally "I'm handling it" and "Resolved on first contact".
 */
export function LogContactForm({ categories, action, idempotencyKey, canClaim }: { categories: CategoryOption[]; action: Action; idempotencyKey: string; canClaim: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const errors: Record<string, string[] | undefined> = state.fieldErrors ?? {};
  const [resolved, setResolved] = useState(v.resolve === "on");
  const [claimed, setClaimed] = useState(canClaim && v.claim !== "");

  return (
    <div className="space-y-4">
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
        <input type="hidden" name="idempotencyKey" value={state.idempotencyKey ?? idempotencyKey} />
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <Field id="customer" label="Customer" hint="Type part of their user ID, name, email or organization; ↑ ↓ and Enter to choose." errors={errors.customer}>
            {(describedBy, invalid) => <CustomerCombobox key={state.customer?.userId ?? ""} name="customer" initial={state.customer} describedBy={describedBy} invalid={invalid} />}
          </Field>
          <Field id="channel" label="Channel" errors={errors.channel}>
            {(describedBy, invalid) => (
              <select key={v.channel ?? ""} id="channel" name="channel" defaultValue={v.channel ?? "PHONE"} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
                {STAFF_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABEL[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Type</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="INCIDENT" defaultChecked={(v.type ?? "INCIDENT") === "INCIDENT"} />
              Something is broken (incident)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="SERVICE_REQUEST" defaultChecked={v.type === "SERVICE_REQUEST"} />
              They need something (service request)
            </label>
          </div>
          {errors.type && <p className="text-sm text-red-700">{errors.type.join(" ")}</p>}
        </fieldset>

        <Field id="title" label="Title" errors={errors.title}>
          {(describedBy, invalid) => (
            <input id="title" name="title" defaultValue={v.title} maxLength={TITLE_MAX} required className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>

        <Field id="description" label="Description" hint="What the customer reported, when it started, what they already tried." errors={errors.description}>
          {(describedBy, invalid) => (
            <textarea id="description" name="description" defaultValue={v.description} maxLength={DESCRIPTION_MAX} rows={5} required className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>

        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="category" label="Category" errors={errors.category}>
            {(describedBy, invalid) => <CategorySelect categories={categories} value={v.category} describedBy={describedBy} invalid={invalid} />}
          </Field>
          <Field id="impact" label="Who is affected?" errors={errors.impact}>
            {(describedBy, invalid) => <LevelSelect name="impact" emptyLabel="Category default" value={v.impact} describedBy={describedBy} invalid={invalid} />}
          </Field>
          <Field id="urgency" label="How urgent is it?" errors={errors.urgency}>
            {(describedBy, invalid) => <LevelSelect name="urgency" emptyLabel="Category default" value={v.urgency} describedBy={describedBy} invalid={invalid} />}
          </Field>
        </div>

        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">Handling</legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="claim"
              className="mt-0.5"
              checked={claimed}
              disabled={!canClaim}
              onChange={(e) => {
                setClaimed(e.target.checked);
                if (!e.target.checked) setResolved(false);
              }}
            />
            <span>
              I&apos;m handling it <span className="text-slate-600">— the ticket is assigned to you at once{canClaim ? "" : " (L1 agents only: it enters at L1)"}.</span>
            </span>
          </label>
          {errors.claim && <p className="text-sm text-red-700">{errors.claim.join(" ")}</p>}
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="resolve"
              className="mt-0.5"
              checked={resolved}
              disabled={!canClaim}
              onChange={(e) => {
                setResolved(e.target.checked);
                if (e.target.checked) setClaimed(true);
              }}
            />
            <span>
              Resolved on first contact <span className="text-slate-600">— the note below goes to the customer and the ticket is resolved.</span>
            </span>
          </label>
          {resolved && (
            <Field id="resolution" label="Resolution note (sent to the customer)" errors={errors.resolution}>
              {(describedBy, invalid) => (
                <textarea id="resolution" name="resolution" defaultValue={v.resolution} maxLength={RESOLUTION_MAX} rows={3} required className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
          )}
        </fieldset>

        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : resolved ? "Log and resolve" : "Log ticket"}
        </Button>
      </form>
    </div>
  );
}
