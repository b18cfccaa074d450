import { RefreshCw } from "lucide-react";
import type { TicketChange } from "./use-ticket-changes";

function who(by: TicketChange["by"]): string {
  if (by === undefined) return "Someone";
  return by ?? "An automatic rule";
}

/** "Ana changed this ticket": the page shows an older version, and a reload brings the new one. */
export function TicketChangedNotice({ change, shownVersion, onReload }: { change: TicketChange; shownVersion: number; onReload: () => void }) {
  return (
    <div role="status" data-testid="ticket-changed" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <p className="min-w-0 flex-1 [overflow-wrap:anywhere]">
        <span className="font-semibold">{who(change.by)}</span> changed this ticket: it is at version {change.version}, this page shows version {shownVersion}.
      </p>
      <button
        type="button"
        onClick={onReload}
        className="inline-flex items-center gap-1.5 rounded-md border border-sky-400 bg-white px-3 py-1 font-medium text-sky-900 hover:bg-sky-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      >
        <RefreshCw aria-hidden="true" className="size-4" />
        Reload
      </button>
    </div>
  );
}
