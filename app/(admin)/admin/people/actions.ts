"use server";

import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/components/admin/admin-action-result";
import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { createPerson } from "@/lib/admin/create-person";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { issuePin } from "@/lib/admin/issue-pin";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { runAdminAction } from "@/lib/admin/run-admin-action";

const done = <T,>(result: AdminActionResult<T>) => {
  if (result.ok) revalidatePath("/admin/people");
  return result;
};

export async function createPersonAction(input: unknown) {
  return done(await runAdminAction((actor) => createPerson(actor, input), "Created."));
}

export async function issuePinAction(userId: string) {
  return done(await runAdminAction((actor) => issuePin(actor, { userId }), "New PIN issued."));
}

export async function resetPasswordAction(userId: string) {
  return done(await runAdminAction((actor) => resetStaffPassword(actor, { userId }), "New password issued."));
}

export async function deactivatePersonAction(userId: string) {
  return done(await runAdminAction(async (actor) => (await deactivatePerson(actor, { userId })).userId, "Deactivated."));
}

export async function clearThrottleAction(key: string) {
  return done(await runAdminAction((actor) => clearLoginThrottle(actor, { key }), "Cleared."));
}
