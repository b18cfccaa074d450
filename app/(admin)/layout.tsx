import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { DemoAccountsBanner } from "@/components/layout/demo-accounts-banner";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <>
      <AppHeader
        title="Administration"
        user={`${actor.name} · ${actor.role === "ADMIN" ? "admin" : "manager"}`}
        links={[
          { href: "/admin/matrix", label: "Priority matrix" },
          { href: "/admin/groups", label: "Groups" },
          { href: "/admin/kb", label: "Knowledge base" },
          { href: "/admin/calendar", label: "Calendar" },
          { href: "/admin/people", label: "People" },
          { href: "/admin/audit", label: "Audit" },
          { href: "/admin/outbox", label: "Outbox" },
          { href: "/queue", label: "Queue" },
        ]}
      />
      <DemoAccountsBanner count={demoAccounts.length} canRemove={actor.role === "ADMIN"} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
