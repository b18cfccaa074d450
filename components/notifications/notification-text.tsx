import { NOTIFICATION_CAUSE_LABEL } from "@/lib/labels";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { RelativeTime } from "@/components/ui/relative-time";

/** What a notification says: unread mark, headline, why, when; for an alert whether someone acknowledged it. */
export function NotificationText({ item, now }: { item: NotificationItem; now: string }) {
  const unread = item.readAt === null;
  return (
    <>
      <span className="flex min-w-0 items-baseline gap-2">
        <span aria-hidden="true" className={`size-2 shrink-0 translate-y-[-1px] rounded-full ${unread ? "bg-indigo-600" : "bg-transparent"}`} />
        {unread && <span className="sr-only">Unread:</span>}
        <span className={`min-w-0 wrap-anywhere ${unread ? "font-semibold text-slate-900" : "text-slate-800"}`}>{item.headline}</span>
        <span className="ml-auto shrink-0 text-xs text-slate-600">
          <RelativeTime at={item.createdAt} serverNow={now} />
        </span>
      </span>
      <span className="mt-0.5 block pl-4 text-sm text-slate-700 wrap-anywhere">{item.sentence}</span>
      {item.alert && (
        <span className="mt-0.5 block pl-4 text-xs text-slate-600 wrap-anywhere" data-testid="alert-state">
          {NOTIFICATION_CAUSE_LABEL[item.cause]} alert ·{" "}
          {item.alert.acknowledgedAt ? `acknowledged by ${item.alert.acknowledgedBy?.name ?? "a former colleague"}` : "not acknowledged yet"}
        </span>
      )}
    </>
  );
}
