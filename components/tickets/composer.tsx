"use client";

import { useState, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import type { ActionResult } from "./action-result";

type Visibility = "PUBLIC" | "INTERNAL";

/** A public reply (counts as first response and customer update) or an internal note, in Markdown. */
export function Composer({ textareaRef, onSend }: { textareaRef: Ref<HTMLTextAreaElement>; onSend: (input: { body: string; visibility: Visibility }) => Promise<ActionResult> }) {
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("PUBLIC");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await onSend({ body, visibility });
    setBusy(false);
    if (result.ok) {
      setBody("");
      setError(null);
    } else setError(result.fields?.body?.join(" ") ?? result.message);
  }

  return (
    <section aria-labelledby="composer-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="composer-heading" className="mb-2 font-semibold">
        Reply or note
      </h2>
      <form onSubmit={send} className="space-y-2">
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Who sees it</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="visibility" checked={visibility === "PUBLIC"} onChange={() => setVisibility("PUBLIC")} />
            Public reply (the customer sees it)
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="visibility" checked={visibility === "INTERNAL"} onChange={() => setVisibility("INTERNAL")} />
            Internal note (staff only)
          </label>
        </fieldset>
        <label htmlFor="composer-body" className="block text-sm font-medium">
          Message (Markdown)
        </label>
        <p id="composer-hint" className="text-xs text-slate-700">
          {visibility === "PUBLIC" ? "The customer sees it. It counts as a customer update (the update clock starts again) and, if none was given yet, as the first response." : "Only staff see notes; they go into the escalation summary."}
        </p>
        <textarea
          id="composer-body"
          ref={textareaRef}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={4}
          className={`${INPUT_CLASS} ${visibility === "INTERNAL" ? "bg-amber-50" : ""}`}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "composer-hint composer-error" : "composer-hint"}
        />
        {error && (
          <p id="composer-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy || !body.trim()}>
          {visibility === "PUBLIC" ? "Send public reply" : "Add internal note"}
        </Button>
      </form>
    </section>
  );
}
