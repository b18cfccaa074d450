import Link from "next/link";
import type { WebhookJson } from "@/lib/webhooks/webhook-json";
import { WebhookState } from "./webhook-state";

/** The endpoints, one block each: URL, description, events, state; each opens its settings and delivery log. */
export function WebhookList({ webhooks, eventLabel }: { webhooks: WebhookJson[]; eventLabel: Record<string, string> }) {
  if (!webhooks.length) return <p className="text-sm text-slate-700">No webhooks yet.</p>;
  return (
    <ul aria-label="Webhooks" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {webhooks.map((w) => (
        <li key={w.id} className="space-y-1 px-4 py-3 text-sm">
          <Link href={`/admin/webhooks/${w.id}`} className="block font-mono font-medium text-indigo-800 underline wrap-anywhere">
            {w.url}
          </Link>
          {w.description && <p className="text-slate-700 wrap-anywhere">{w.description}</p>}
          <p className="text-slate-700">{w.events.map((e) => eventLabel[e] ?? e).join(" · ")}</p>
          <WebhookState webhook={w} />
        </li>
      ))}
    </ul>
  );
}
