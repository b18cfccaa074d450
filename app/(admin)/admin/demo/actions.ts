"use server";

import { removeDemoAccounts } from "@/lib/admin/demo-accounts";
import { runAdminAction } from "@/lib/admin/run-admin-action";

export async function removeDemoAccountsAction() {
  return runAdminAction((actor) => removeDemoAccounts(actor), "Demo accounts removed.", "/admin/demo");
}
