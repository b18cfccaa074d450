"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AcknowledgeAlertForm } from "@/components/alerts/acknowledge-alert-form";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { NOTIFICATIONS_CHANGED_EVENT, type NotificationPageActions } from "./notification-actions";
import { ticketPath } from "./notification-bell";
import { NotificationText } from "./notification-text";

/**
 * /notifications' list: each notification links to its ticket; unread ones can be marked read, one or all; an alert
 * nobody has acknowledged yet can be acknowledged here (by a lead or an assignee, who have no dashboard).
 */
export function NotificationHistory({
  items,
  unreadCount,
  now,
  emptyText,
  markRead,
  acknowledge,
}: {
  items: NotificationItem[];
  unreadCount: number;
  now: string;
  emptyText: string;
  markRead: NotificationPageActions["markRead"];
  acknowledge: NotificationPageActions["acknowledge"];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  const mark = (input: { ids: number[] } | { all: true }) =>
    startTransition(async () => {
      const result = await markRead(input);
      setMessage(result.ok ? null : result.message);
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
      router.refresh();
    });

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" data-testid="unread-summary">
          {unreadCount > 0 ? `${unreadCount} unread` : "All read"}
        </p>
        <button
          type="button"
          onClick={() => mark({ all: true })}
          disabled={pending || unreadCount === 0}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-500"
        >
          Mark all read
        </button>
        <p role="status" className="text-sm text-red-800">
          {message}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notification-history">
          {items.map((item) => (
            <li key={item.id} className={`flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-start ${item.readAt === null ? "bg-indigo-50/60" : ""}`}>
              <Link href={ticketPath(item.ticket.number)} className="block min-w-0 flex-1 rounded text-sm hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                <NotificationText item={item} now={now} />
                <span className="mt-0.5 line-clamp-2 pl-4 text-xs font-medium text-slate-700 wrap-anywhere" title={`${item.ticket.number} · ${item.ticket.title}`}>
                  {item.ticket.number} · {item.ticket.title}
                </span>
              </Link>
              {item.alert && item.alert.acknowledgedAt === null && (
                <div className="ml-4 sm:ml-0">
                  <AcknowledgeAlertForm alertId={item.alert.id} what={`${item.headline}, ${item.ticket.number}`} onAcknowledge={acknowledge} />
                </div>
              )}
              {item.readAt === null && (
                <button
                  type="button"
                  onClick={() => mark({ ids: [item.id] })}
                  disabled={pending}
                  className="ml-4 self-start rounded px-2 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-100 disabled:text-slate-500 sm:ml-0"
                  aria-label={`Mark read: ${item.headline}, ${item.ticket.number}`}
                >
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
