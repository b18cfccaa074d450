"use client";

import { LayoutDashboard, type LucideIcon, Inbox, Mail, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref, type StaffNavIcon, type StaffNavLink } from "./staff-nav-links";

const ICONS: Record<StaffNavIcon, LucideIcon> = { queue: Inbox, inbound: Mail, dashboard: LayoutDashboard, admin: Settings };

/** The staff header's links; the one holding the current page is marked (aria-current) and drawn filled. */
export function StaffNav({ links }: { links: StaffNavLink[] }) {
  const current = currentHref(links, usePathname());
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
      {links.map((link) => {
        const Icon = ICONS[link.icon];
        const active = link.href === current;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 font-medium ${active ? "bg-indigo-50 text-indigo-900" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            <Icon aria-hidden="true" className="size-4" />
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
