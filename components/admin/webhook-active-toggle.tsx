"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionOutcome } from "@/lib/http/run-action";

/** Disable an endpoint (deliveries wait), or enable it again (its count of failed events starts afresh). */
export function WebhookActiveToggle({ active, onChange }: { active: boolean; onChange: (input: { active: boolean }) => Promise<ActionOutcome<unknown>> }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    const result = await onChange({ active: !active });
    setBusy(false);
    setRefusal(result.ok ? null : result.message);
  }

  return (
    <>
      <Button type="button" variant="secondary" disabled={busy} onClick={toggle}>
        {active ? "Disable" : "Enable"}
      </Button>
      {refusal && (
        <p role="alert" className="text-sm text-red-800">
          {refusal}
        </p>
      )}
    </>
  );
}
