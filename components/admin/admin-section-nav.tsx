"use client";

import { Eye, Home } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref } from "@/components/layout/staff-nav-links";
import { AdminSectionIcon } from "./admin-section-icon";
import { ADMIN_SECTIONS } from "./admin-sections";

const LINKS = [{ href: "/admin", label: "Overview", icon: null }, ...ADMIN_SECTIONS.map((s) => ({ href: s.href, label: s.label, icon: s.icon }))];

/** The admin pages' own links, under the staff header; on a phone they wrap rather than widen the page. */
export function AdminSectionNav({ readOnly }: { readOnly: boolean }) {
  const current = currentHref(LINKS, usePathname());
  return (
    <div className="mb-6 space-y-2 border-b border-slate-200 pb-3">
      <nav aria-label="Admin sections" className="flex flex-wrap gap-1 text-sm">
        {LINKS.map((link) => {
          const active = link.href === current;
          return (
            <Link
              key={link.href}
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 ${active ? "bg-indigo-50 font-medium text-indigo-900" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {link.icon ? <AdminSectionIcon name={link.icon} /> : <Home aria-hidden="true" className="size-4" />}
              {link.label}
            </Link>
          );
        })}
      </nav>
      {readOnly && (
        <p className="flex items-center gap-1.5 text-sm text-slate-700">
          <Eye aria-hidden="true" className="size-4 shrink-0" />
          Read-only: you may publish the priority matrix; other changes are made by an admin.
        </p>
      )}
    </div>
  );
}
