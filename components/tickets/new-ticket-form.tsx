"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ArticleSuggestions } from "@/components/portal/article-suggestions";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { CategorySelect, LevelSelect } from "./ticket-field-selects";
import type { CategoryOption } from "@/lib/catalog/list-categories";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/validation/ticket";
import { updatePromise } from "@/lib/tickets/core/update-promise";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/accept";

export interface NewTicketState {
  /** The new ticket in the customer's words (CustomerTicketJson's labels and update promise). */
  created?: { number: string; statusLabel: string; priorityLabel: string; nextUpdateAt: string | null; attachments: { fileName: string; url: string }[] };
  values?: Record<string, string>;
  /** The key the next submit carries: the same after a refusal (nothing was created), a new one after a ticket. */
  idempotencyKey?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/** Mirrors lib/attachments/prepare-uploads.ts, so a file over the limit is refused before it is sent. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Action = (state: NewTicketState, form: FormData) => Promise<NewTicketState>;

export function NewTicketForm({
  categories,
  action,
  idempotencyKey,
  followUpOf,
}: {
  categories: CategoryOption[];
  action: Action;
  idempotencyKey: string;
  /** The earlier ticket this one follows up (a closed ticket's "Open a new ticket about this"). */
  followUpOf?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const [fileError, setFileError] = useState<string | null>(null);
  const errors: Record<string, string[] | undefined> = { ...state.fieldErrors, ...(fileError ? { attachments: [fileError] } : {}) };
  // What is typed so far, for the article suggestions (the inputs themselves stay uncontrolled). It belongs
  // to one form: once a ticket is created the form starts empty, and so do the suggestions.
  const formKey = state.created?.number ?? "form";
  const [typedIn, setTypedIn] = useState({ formKey, title: "", description: "" });
  const typed = typedIn.formKey === formKey ? typedIn : { formKey, title: "", description: "" };
  const setTyped = (field: "title" | "description", value: string) => setTypedIn({ ...typed, [field]: value });
  // After the action, React resets the form to its default values. Inputs follow a changed defaultValue,
  // but a <select> only reads it when it mounts: each select is keyed by the value it must show, so a
  // refused submission keeps the customer's choices instead of falling back to the first option.

  return (
    <div className="space-y-4">
      {state.created && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-semibold">
            Ticket <span data-testid="created-ticket-number">{state.created.number}</span> created. Status: {state.created.statusLabel}. Priority:{" "}
            {state.created.priorityLabel}.
          </p>
          {state.created.nextUpdateAt && <p>{updatePromise(state.created.nextUpdateAt, new Date())}.</p>}
          <p>
            Follow it in <Link href="/portal/tickets" className="underline">My tickets</Link>.
          </p>
          {state.created.attachments.length > 0 && (
            <ul aria-label="Attachments" className="mt-2 list-disc pl-5">
              {state.created.attachments.map((a) => (
                <li key={a.url}>
                  <a href={a.url} download className="underline">
                    {a.fileName}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <form
        action={formAction}
        key={formKey}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
        onSubmit={(event) => fileError && event.preventDefault()}
      >
        <input type="hidden" name="idempotencyKey" value={state.idempotencyKey ?? idempotencyKey} />
        {followUpOf && !state.created && (
          <p className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
            <input type="hidden" name="followUpOf" value={followUpOf} />A follow-up to <Link href={`/portal/tickets/${followUpOf}`} className="underline">{followUpOf}</Link>: we link the two.
            {errors.followUpOf && <span className="block text-red-700">{errors.followUpOf.join(" ")}</span>}
          </p>
        )}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Type</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="INCIDENT" defaultChecked={(v.type ?? "INCIDENT") === "INCIDENT"} />
              Something is broken (incident)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="SERVICE_REQUEST" defaultChecked={v.type === "SERVICE_REQUEST"} />
              I need something (service request)
            </label>
          </div>
          {errors.type && <p className="text-sm text-red-700">{errors.type.join(" ")}</p>}
        </fieldset>

        <Field id="title" label="Title" errors={errors.title}>
          {(describedBy, invalid) => (
            <input
              id="title"
              name="title"
              defaultValue={v.title}
              maxLength={TITLE_MAX}
              required
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setTyped("title", e.target.value)}
            />
          )}
        </Field>

        <Field id="description" label="Description" hint="What happened, when, and what you already tried." errors={errors.description}>
          {(describedBy, invalid) => (
            <textarea
              id="description"
              name="description"
              defaultValue={v.description}
              maxLength={DESCRIPTION_MAX}
              rows={6}
              required
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setTyped("description", e.target.value)}
            />
          )}
        </Field>

        <ArticleSuggestions title={typed.title} description={typed.description} />

        <Field id="category" label="Category" errors={errors.category}>
          {(describedBy, invalid) => <CategorySelect categories={categories} value={v.category} describedBy={describedBy} invalid={invalid} />}
        </Field>

        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="impact" label="Who is affected? (optional)" errors={errors.impact}>
            {(describedBy, invalid) => <LevelSelect name="impact" emptyLabel="Not sure" value={v.impact} describedBy={describedBy} invalid={invalid} />}
          </Field>
          <Field id="urgency" label="How urgent is it? (optional)" errors={errors.urgency}>
            {(describedBy, invalid) => <LevelSelect name="urgency" emptyLabel="Not sure" value={v.urgency} describedBy={describedBy} invalid={invalid} />}
          </Field>
        </div>

        <Field
          id="attachments"
          label="Attachments (optional)"
          hint="Screenshots (PNG, JPEG, GIF, WebP), PDF, or text and log files; up to 5 files of 10 MB each."
          errors={errors.attachments}
        >
          {(describedBy, invalid) => (
            <input
              id="attachments"
              name="attachments"
              type="file"
              multiple
              accept={ATTACHMENT_ACCEPT}
              className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                const tooLarge = [...(e.target.files ?? [])].find((f) => f.size > MAX_FILE_BYTES);
                setFileError(tooLarge ? `"${tooLarge.name}" is over 10 MB.` : null);
              }}
            />
          )}
        </Field>

        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Open ticket"}
        </Button>
      </form>
    </div>
  );
}
