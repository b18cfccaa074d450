import Image from "next/image";
import type { ReactNode } from "react";
import { ROLE_LABEL } from "@/lib/labels";
import type { Actor } from "@/lib/actor";
import { can } from "@/lib/permissions";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveStatusNotice } from "@/components/live/live-status-notice";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { DemoAccountsBanner } from "./demo-accounts-banner";
import { SignOutButton } from "./sign-out-button";
import { StaffNav } from "./staff-nav";
import { staffNavLinks } from "./staff-nav-links";

/**
 * Every staff page: one header (Queue, Dashboard, Admin as the role allows, the person, the notification bell, Sign out),
 * the demo warning, the page; all of it fed by the tab's one live update stream (and a quiet line while it is down).
 */
export function StaffShell({ actor, demoAccountCount, children }: { actor: Actor; demoAccountCount: number; children: ReactNode }) {
  const who = `${actor.name} · ${actor.tier ? `${actor.tier} ${ROLE_LABEL[actor.role].toLowerCase()}` : ROLE_LABEL[actor.role].toLowerCase()}`;
  return (
    <LiveProvider>
      <header className="border-b border-slate-200 bg-white">
        {/* On a phone: the brand, who is signed in and Sign out on one row, the links on the next. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4">
          {/* The mark is decoration beside the name (alt=""): the name stays text. */}
          <span className="flex shrink-0 items-center gap-1.5 text-lg font-bold text-indigo-800">
            <Image src="/logo.svg" alt="" width={20} height={20} loading="eager" />
            Tierdesk
          </span>
          <div className="order-last w-full sm:order-none sm:w-auto">
            <StaffNav links={staffNavLinks(actor.role, can(actor, "admin:read"), can(actor, "metrics:read"), can(actor, "inbound:review"))} />
          </div>
          {/* Takes the room left on the row and truncates (full name on hover) rather than push Sign out to a row of its own. */}
          <span className="min-w-0 flex-1 truncate text-right text-sm text-slate-700" title={who} data-testid="signed-in-as">
            {who}
          </span>
          <NotificationBell />
          <SignOutButton />
        </div>
      </header>
      <DemoAccountsBanner count={demoAccountCount} canRemove={can(actor, "admin:write")} />
      <LiveStatusNotice className="mx-auto max-w-6xl px-4 pt-2" />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </LiveProvider>
  );
}
