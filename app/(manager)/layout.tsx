import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { DemoAccountsBanner } from "@/components/layout/demo-accounts-banner";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <>
      <AppHeader
        title="Manager dashboard"
        user={actor.name}
        links={[
          { href: "/dashboard", label: "Dashboard" },
          { href: "/queue", label: "Queue" },
        ]}
      />
      <DemoAccountsBanner count={demoAccounts.length} canRemove={actor.role === "ADMIN"} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
