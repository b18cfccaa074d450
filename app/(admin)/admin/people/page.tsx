import type { Metadata } from "next";
import { CreatePersonForm } from "@/components/admin/create-person-form";
import { LoginThrottleTable } from "@/components/admin/login-throttle-table";
import { PeopleTable } from "@/components/admin/people-table";
import { listLoginThrottles } from "@/lib/admin/list-login-throttles";
import { listOrganizationSlugs } from "@/lib/admin/list-organizations";
import { listPeople } from "@/lib/admin/list-people";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { clearThrottleAction, createPersonAction, deactivatePersonAction, issuePinAction, resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [{ people, more }, throttles, organizations] = await Promise.all([listPeople(actor), listLoginThrottles(actor), listOrganizationSlugs(actor)]);
  const canWrite = can(actor, "admin:write");
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-slate-900">People</h1>
      {canWrite && <CreatePersonForm organizations={organizations} onCreate={createPersonAction} />}
      <PeopleTable people={people} canWrite={canWrite} onIssuePin={issuePinAction} onResetPassword={resetPasswordAction} onDeactivate={deactivatePersonAction} />
      {more && <p className="text-sm text-slate-700">Showing the first 200 people.</p>}
      <LoginThrottleTable throttles={throttles} canWrite={canWrite} onClear={clearThrottleAction} />
    </div>
  );
}
