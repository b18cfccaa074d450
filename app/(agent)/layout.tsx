import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <StaffShell actor={actor} demoAccountCount={demoAccounts.length}>
      {children}
    </StaffShell>
  );
}
