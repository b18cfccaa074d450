"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { groupByTicket } from "@/lib/notifications/group-by-ticket";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { NotificationText } from "./notification-text";
import { useNotifications } from "./use-notifications";

export const ticketPath = (number: string) => `/queue/tickets/${number}`;

/** The bell's accessible name: what a screen reader says, and what tests find it by. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread";
}

/**
 * The staff header's bell: the unread count, kept fresh by polling, and a panel of the newest notifications
 * grouped by ticket. Following one opens the ticket and marks it read. Escape (or a click outside) closes the
 * panel and gives focus back to the bell; Tab moves from the bell through the panel.
 */
export function NotificationBell() {
  const { page, readAt, refresh, markRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const unread = page?.unreadCount ?? 0;

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, close]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
    }
  };

  const follow = (item: NotificationItem) => {
    if (item.readAt === null) void markRead({ ids: [item.id] });
    setOpen(false);
  };

  const groups = groupByTicket(page?.items ?? []);

  return (
    <div ref={wrapper} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) void refresh();
          setOpen(!open);
        }}
        className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        data-testid="notification-bell"
      >
        <Bell aria-hidden="true" className="size-5" />
        {unread > 0 && (
          <span aria-hidden="true" data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          aria-label="Notifications"
          className="fixed inset-x-2 top-14 z-40 flex max-h-[75vh] flex-col rounded-lg border border-slate-200 bg-white text-left shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-[26rem]"
        >
          <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <span className="text-xs text-slate-600">{unread > 0 ? `${unread} unread` : "All read"}</span>
            <button
              type="button"
              onClick={() => void markRead({ all: true })}
              disabled={unread === 0}
              className="ml-auto rounded px-2 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-50 disabled:text-slate-500 disabled:hover:bg-transparent"
            >
              Mark all read
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {page === null ? (
              <p className="px-3 py-4 text-sm text-slate-600">Loading…</p>
            ) : groups.length === 0 ? (
              <p className="px-3 py-4 text-sm text-slate-600">Nothing yet: when a ticket needs you, it shows here.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {groups.map((group) => (
                  <li key={group.ticket.number}>
                    {group.items.length > 1 && (
                      <h3 className="bg-slate-50 px-3 pt-2 pb-1 text-xs font-semibold text-slate-700" title={`${group.ticket.number} · ${group.ticket.title}`}>
                        <span className="line-clamp-2 wrap-anywhere">
                          {group.ticket.number} · {group.ticket.title}
                        </span>
                      </h3>
                    )}
                    <ul className={group.items.length > 1 ? "ml-3 border-l-2 border-slate-200" : undefined}>
                      {group.items.map((item) => (
                        <li key={item.id}>
                          <Link
                            href={ticketPath(item.ticket.number)}
                            onClick={() => follow(item)}
                            className={`block px-3 py-2 text-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${item.readAt === null ? "bg-indigo-50/60" : ""}`}
                            data-testid="notification-item"
                          >
                            <NotificationText item={item} now={readAt} />
                            {group.items.length === 1 && (
                              <span className="mt-0.5 line-clamp-2 pl-4 text-xs font-medium text-slate-700 wrap-anywhere" title={`${item.ticket.number} · ${item.ticket.title}`}>
                                {item.ticket.number} · {item.ticket.title}
                              </span>
                            )}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="border-t border-slate-200 px-3 py-2 text-sm">
            <Link href="/notifications" onClick={() => setOpen(false)} className="font-medium text-indigo-800 underline-offset-2 hover:underline">
              All notifications and preferences
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}
