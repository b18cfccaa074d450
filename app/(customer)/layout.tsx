import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveStatusNotice } from "@/components/live/live-status-notice";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["CUSTOMER"]);
  return (
    <LiveProvider>
      <AppHeader
        title="Support portal"
        user={`${actor.name} (${actor.userId})`}
        shortUser={actor.userId}
        links={[
          { href: "/portal", label: "New ticket" },
          { href: "/portal/tickets", label: "My tickets" },
        ]}
      />
      <LiveStatusNotice className="mx-auto max-w-3xl px-4 pt-2" />
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </LiveProvider>
  );
}
