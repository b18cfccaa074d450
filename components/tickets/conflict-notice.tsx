import { Button } from "@/components/ui/button";
import { formatExact } from "@/components/ui/time-format";
import type { ConflictInfo } from "./action-result";
import { AGENT_STATUS_LABEL } from "./agent-labels";
import { LEVEL_LABEL } from "@/lib/labels";

/** A save that lost to a newer version: what changed and by whom, then retry on the new version or drop the change. */
export function ConflictNotice({
  conflict,
  attempted,
  busy,
  onRetry,
  onDiscard,
}: {
  conflict: ConflictInfo;
  attempted: string;
  busy: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm">
      <p className="font-semibold">Someone changed this ticket after you opened it. Your change ({attempted}) was not saved.</p>
      {conflict.changes.length > 0 ? (
        <ul className="list-disc pl-5">
          {conflict.changes.map((c, i) => (
            <li key={i}>
              <span className="font-medium">{c.by}</span> ({formatExact(new Date(c.at))}): {c.explanation}
            </li>
          ))}
        </ul>
      ) : (
        <p>The ticket was updated (version {conflict.currentVersion}).</p>
      )}
      <p>
        Now: {AGENT_STATUS_LABEL[conflict.now.status]}, {conflict.now.priority} (impact {LEVEL_LABEL[conflict.now.impact]}, urgency{" "}
        {LEVEL_LABEL[conflict.now.urgency]}, {conflict.now.category}), {conflict.now.assignee ?? "unassigned"}.
      </p>
      <div className="flex gap-2">
        <Button type="button" disabled={busy} onClick={onRetry}>
          Retry my change
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onDiscard}>
          Discard my change and reload
        </Button>
      </div>
    </div>
  );
}
