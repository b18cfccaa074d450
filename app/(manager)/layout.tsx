import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
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
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
