import type { Metadata } from "next";
import Link from "next/link";
import { AdminSectionIcon } from "@/components/admin/admin-section-icon";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { getAdminOverview } from "@/lib/admin/admin-overview";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminHome() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const overview = await getAdminOverview(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Admin</h1>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300 hover:bg-indigo-50/40">
              <span className="flex items-center gap-2 font-semibold text-indigo-800">
                <AdminSectionIcon name={s.icon} className="size-5" />
                {s.title}
              </span>
              <span className="text-sm text-slate-700">{s.description}</span>
              <span className="mt-auto pt-2 text-sm font-medium text-slate-900">{s.figure(overview)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
