import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { DemoAccountsBanner } from "@/components/layout/demo-accounts-banner";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <>
      <AppHeader
        title="Agent workspace"
        user={`${actor.name}${actor.tier ? ` · ${actor.tier}` : ""}`}
        links={
          actor.role === "AGENT"
            ? [{ href: "/queue", label: "Queue" }]
            : [
                { href: "/queue", label: "Queue" },
                { href: "/dashboard", label: "Dashboard" },
                { href: "/admin/matrix", label: "Admin" },
              ]
        }
      />
      <DemoAccountsBanner count={demoAccounts.length} canRemove={actor.role === "ADMIN"} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
