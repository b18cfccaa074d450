import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <StaffShell actor={actor} demoAccountCount={demoAccounts.length}>
      {children}
    </StaffShell>
  );
}
