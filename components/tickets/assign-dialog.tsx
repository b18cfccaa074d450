"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";
import type { ActionResult } from "./action-result";

/** Managers: to an agent, to a group (placed by its own mode), or to an agent in a group. */
export function AssignDialog({
  open,
  groups,
  agents,
  onSubmit,
  onClose,
}: {
  open: boolean;
  groups: TicketWorkspace["assignGroups"];
  agents: TicketWorkspace["assignAgents"];
  onSubmit: (input: { userId?: string; group?: string }) => Promise<ActionResult>;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title="Assign" onClose={onClose}>
      <AssignForm groups={groups} agents={agents} onSubmit={onSubmit} onCancel={onClose} />
    </Dialog>
  );
}

function AssignForm({
  groups,
  agents,
  onSubmit,
  onCancel,
}: {
  groups: TicketWorkspace["assignGroups"];
  agents: TicketWorkspace["assignAgents"];
  onSubmit: (input: { userId?: string; group?: string }) => Promise<ActionResult>;
  onCancel: () => void;
}) {
  const [userId, setUserId] = useState("");
  const [group, setGroup] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(await onSubmit({ ...(userId ? { userId } : {}), ...(group ? { group } : {}) }));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      <Field id="assign-agent" label="Agent" errors={fields.userId}>
        {(describedBy, invalid) => (
          <select id="assign-agent" autoFocus value={userId} onChange={(e) => setUserId(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
            <option value="">Nobody in particular</option>
            {agents.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name} ({a.tier ?? "no tier"})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="assign-group" label="Group" hint="Leave empty to use the agent's group at this tier." errors={fields.group}>
        {(describedBy, invalid) => (
          <select id="assign-group" value={group} onChange={(e) => setGroup(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
            <option value="">The agent&apos;s group</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name} ({g.tier})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || (!userId && !group)}>
          Assign
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
