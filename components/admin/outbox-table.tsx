import { OUTBOX_STATUS_LABEL } from "@/lib/labels";
import { Badge } from "@/components/ui/badge";
import type { OutboxMessageJson } from "@/lib/mail/list-outbox";

const STATUS_TONE = { PENDING: "amber", SENT: "green", FAILED: "red" } as const;

function deliveryLabel(m: OutboxMessageJson): string {
  if (m.status === "SENT") return m.deliveredVia === "smtp" ? "Sent by SMTP" : "Delivered to outbox only (no SMTP_URL)";
  if (m.status === "FAILED") return `Gave up after ${m.attempts} attempts`;
  return m.attempts ? `Retry ${m.attempts + 1} at ${m.nextAttemptAt.slice(11, 16)} UTC` : "Waiting for the worker";
}

/** Queued mail, newest first, with its delivery state; each body can be opened. */
export function OutboxTable({ messages }: { messages: OutboxMessageJson[] }) {
  return (
    <ul className="space-y-3">
      {messages.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="min-w-0 font-medium wrap-anywhere">{m.subject}</span>
            <Badge tone={STATUS_TONE[m.status]}>{OUTBOX_STATUS_LABEL[m.status]}</Badge>
          </div>
          <p className="wrap-anywhere text-slate-700">
            To <span className="font-mono">{m.toAddress}</span> · {deliveryLabel(m)} · queued {m.createdAt.slice(0, 16).replace("T", " ")} UTC
          </p>
          {m.lastError && <p className="text-red-700">Last error: {m.lastError}</p>}
          <details>
            <summary className="cursor-pointer text-indigo-800">Message</summary>
            <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-sans">{m.body}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
