"use server";

import { removeDemoAccounts } from "@/lib/admin/demo-accounts";
import { runAction } from "@/lib/http/run-action";

export async function removeDemoAccountsAction() {
  return runAction((actor) => removeDemoAccounts(actor), { done: "Demo accounts removed.", revalidate: "/admin/demo" });
}
