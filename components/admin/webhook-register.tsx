"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionOutcome } from "@/lib/http/run-action";
import { WebhookForm, type WebhookEventOption } from "./webhook-form";

/** "Register a webhook", then its signing secret, shown this once with a copy button. */
export function WebhookRegister({
  eventOptions,
  onCreate,
}: {
  eventOptions: WebhookEventOption[];
  onCreate: (input: unknown) => Promise<ActionOutcome<{ id: string; url: string; secret: string }>>;
}) {
  const [issued, setIssued] = useState<{ url: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!issued) return;
    await navigator.clipboard.writeText(issued.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div className="space-y-3">
      {issued && (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="wrap-anywhere">
            Signing secret for <strong>{issued.url}</strong>:
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="webhook-secret" className="min-w-0 rounded bg-white px-2 py-0.5 font-mono wrap-anywhere">
              {issued.secret}
            </code>
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p>Give it to the receiver now, to verify signatures: it is shown only this once and cannot be looked up later.</p>
        </div>
      )}
      <details className="rounded-lg border border-slate-200 bg-white p-4" open={!issued}>
        <summary className="cursor-pointer font-semibold text-indigo-800">Register a webhook</summary>
        <div className="mt-3">
          <WebhookForm
            eventOptions={eventOptions}
            canWrite
            onSave={onCreate}
            onSaved={(data) => {
              setCopied(false);
              setIssued({ url: data.url, secret: data.secret });
            }}
          />
        </div>
      </details>
    </div>
  );
}
