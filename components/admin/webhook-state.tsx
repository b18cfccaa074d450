import { Badge } from "@/components/ui/badge";
import type { WebhookJson } from "@/lib/webhooks/webhook-json";

/** Active, or Disabled with why (by whom, or the failures that turned it off). */
export function WebhookState({ webhook }: { webhook: Pick<WebhookJson, "active" | "disabledReason" | "consecutiveFailures"> }) {
  if (webhook.active) {
    return (
      <span className="flex flex-wrap items-baseline gap-2">
        <Badge tone="green">Active</Badge>
        {webhook.consecutiveFailures > 0 && (
          <span className="text-xs text-amber-900">
            {webhook.consecutiveFailures} failed {webhook.consecutiveFailures === 1 ? "event" : "events"} in a row
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="flex min-w-0 flex-wrap items-baseline gap-2">
      <Badge tone="red">Disabled</Badge>
      {webhook.disabledReason && <span className="min-w-0 text-xs text-red-800 wrap-anywhere">{webhook.disabledReason}</span>}
    </span>
  );
}
