import type { Metadata } from "next";
import Link from "next/link";
import { NotificationFilterNav, type NotificationTab } from "@/components/notifications/notification-filter-nav";
import { NotificationHistory } from "@/components/notifications/notification-history";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { listNotifications, type NotificationPage } from "@/lib/notifications/list-notifications";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { acknowledgeAlertFromNotificationsAction, markNotificationsReadAction, saveNotificationPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Record<string, string | string[] | undefined>;

const EMPTY: Record<NotificationTab, string> = {
  all: "Nothing yet: when a ticket needs you, it shows here.",
  unread: "No unread notifications.",
  alerts: "No SLA alerts.",
  mentions: "Nobody has mentioned you.",
};

function tabOf(params: SearchParams): NotificationTab | null {
  if (params.filter === "alerts" || params.filter === "mentions") return params.unread ? null : params.filter;
  if (params.unread === "1") return "unread";
  return Object.keys(params).filter((k) => k !== "cursor").length === 0 ? "all" : null;
}

async function readPage(actor: Parameters<typeof listNotifications>[0], params: SearchParams): Promise<NotificationPage | AppError> {
  try {
    return await listNotifications(actor, params);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error;
    throw error;
  }
}

/** The whole history, newest first, a page at a time (?cursor=), with filters; and how each kind reaches this person. */
export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const params = await searchParams;
  const [page, preferences] = await Promise.all([readPage(actor, params), getNotificationPreferences(actor)]);
  const tab = tabOf(params);
  const now = new Date().toISOString();
  /** The same filters, at `cursor` (null: the newest page). */
  const pageHref = (cursor: string | null) => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "cursor"));
    if (cursor) query.set("cursor", cursor);
    return query.size ? `/notifications?${query}` : "/notifications";
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="notifications-heading" className="space-y-3">
        <h1 id="notifications-heading" className="text-xl font-bold">
          Notifications
        </h1>
        <NotificationFilterNav current={tab} />
        {page instanceof AppError ? (
          <QueryError error={page} back="/notifications" backLabel="Show all notifications" what="notifications link" />
        ) : (
          <>
            <NotificationHistory
              key={JSON.stringify(params)}
              items={page.items}
              unreadCount={page.unreadCount}
              now={now}
              emptyText={params.cursor ? "No older notifications." : EMPTY[tab ?? "all"]}
              markRead={markNotificationsReadAction}
              acknowledge={acknowledgeAlertFromNotificationsAction}
            />
            <p className="flex gap-4 text-sm">
              {params.cursor && (
                <Link href={pageHref(null)} className="font-medium text-indigo-800 underline-offset-2 hover:underline">
                  Newest
                </Link>
              )}
              {page.nextCursor && (
                <Link href={pageHref(page.nextCursor)} className="font-medium text-indigo-800 underline-offset-2 hover:underline">
                  Older notifications
                </Link>
              )}
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="preferences-heading" id="preferences" className="space-y-3">
        <h2 id="preferences-heading" className="text-lg font-semibold">
          How you are told
        </h2>
        <p className="text-sm text-slate-700">Everything shows under the bell. Choose which kinds also come by mail.</p>
        <NotificationPreferencesForm preferences={preferences} save={saveNotificationPreferencesAction} />
      </section>
    </div>
  );
}
