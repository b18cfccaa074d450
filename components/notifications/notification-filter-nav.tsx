import Link from "next/link";

export type NotificationTab = "all" | "unread" | "alerts" | "mentions";

const TABS: { value: NotificationTab; label: string; href: string }[] = [
  { value: "all", label: "All", href: "/notifications" },
  { value: "unread", label: "Unread", href: "/notifications?unread=1" },
  { value: "alerts", label: "Alerts", href: "/notifications?filter=alerts" },
  { value: "mentions", label: "Mentions", href: "/notifications?filter=mentions" },
];

/** All / Unread / Alerts / Mentions, kept in the URL (the API's own query parameters). */
export function NotificationFilterNav({ current }: { current: NotificationTab | null }) {
  return (
    <nav aria-label="Filter notifications" className="flex flex-wrap gap-2">
      {TABS.map((tab) => (
        <Link
          key={tab.value}
          href={tab.href}
          aria-current={current === tab.value ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-800 aria-[current=page]:border-indigo-700 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
