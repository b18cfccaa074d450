import type { Metadata } from "next";
import { DeleteButton } from "@/components/admin/delete-button";
import { listDemoAccounts } from "@/lib/admin/demo-accounts";
import { ROLE_LABEL } from "@/lib/labels";
import type { Role } from "@/lib/db/generated/enums";
import { requirePageActor } from "@/lib/auth/page-guard";
import { removeDemoAccountsAction } from "./actions";

export const metadata: Metadata = { title: "Demo accounts" };

export default async function DemoAccountsPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const accounts = await listDemoAccounts(actor);
  return (
    <section aria-labelledby="demo-heading" className="max-w-3xl space-y-4">
      <h1 id="demo-heading" className="text-xl font-bold">
        Demo accounts
      </h1>
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-700">No demo account with a published password is active.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            These people sign in with passwords and PINs printed in the README: anyone can use them. Removing them deactivates each one and gives it a
            secret nobody knows; tickets, comments and the decision log stay. Create an admin of your own at People first.
          </p>
          <ul className="list-inside list-disc text-sm text-slate-800">
            {accounts.map((a) => (
              <li key={a.userId} className="wrap-anywhere">
                {a.name} ({a.userId}, {ROLE_LABEL[a.role as Role].toLowerCase()})
              </li>
            ))}
          </ul>
          {actor.role === "ADMIN" ? (
            <DeleteButton
              what="the demo accounts"
              verb="Remove"
              consequence={`Deactivates ${accounts.length} account(s), yours too if you signed in with one. Tickets stay.`}
              onDelete={removeDemoAccountsAction}
            />
          ) : (
            <p className="text-sm text-slate-700">An admin can remove them.</p>
          )}
        </>
      )}
    </section>
  );
}
