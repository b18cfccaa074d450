"use client";

import { useActionState, type ReactNode } from "react";
import type { PortalAction, PortalActionState } from "./ticket-action-state";

/**
 * A form bound to one portal server action: hidden ticket number and version, the fields given as a
 * render prop (with their errors), and the action's message announced politely.
 */
export function TicketActionForm({
  action,
  number,
  version,
  label,
  className = "",
  children,
}: {
  action: PortalAction;
  number: string;
  version: number;
  label: string;
  className?: string;
  children: (state: PortalActionState, pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label} className={`space-y-3 ${className}`}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      {children(state, pending)}
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
