import type { ReactNode } from "react";
import { AdminSectionNav } from "@/components/admin/admin-section-nav";
import { StaffShell } from "@/components/layout/staff-shell";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const demoAccounts = await listDemoAccounts(actor);
  return (
    <StaffShell actor={actor} demoAccountCount={demoAccounts.length}>
      <AdminSectionNav readOnly={!can(actor, "admin:write")} />
      {children}
    </StaffShell>
  );
}
