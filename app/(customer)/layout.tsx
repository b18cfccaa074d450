import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["CUSTOMER"]);
  return (
    <>
      <AppHeader
        title="Support portal"
        user={`${actor.name} (${actor.userId})`}
        shortUser={actor.userId}
        links={[
          { href: "/portal", label: "New ticket" },
          { href: "/portal/tickets", label: "My tickets" },
        ]}
      />
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </>
  );
}
