"use server";

import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { createPerson } from "@/lib/admin/create-person";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { issuePin } from "@/lib/admin/issue-pin";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { runAdminAction } from "@/lib/admin/run-admin-action";

const PAGE = "/admin/people";

export async function createPersonAction(input: unknown) {
  return runAdminAction((actor) => createPerson(actor, input), "Created.", PAGE);
}

export async function issuePinAction(userId: string) {
  return runAdminAction((actor) => issuePin(actor, { userId }), "New PIN issued.", PAGE);
}

export async function resetPasswordAction(userId: string) {
  return runAdminAction((actor) => resetStaffPassword(actor, { userId }), "New password issued.", PAGE);
}

export async function deactivatePersonAction(userId: string) {
  return runAdminAction(async (actor) => (await deactivatePerson(actor, { userId })).userId, "Deactivated.", PAGE);
}

export async function clearThrottleAction(key: string) {
  return runAdminAction((actor) => clearLoginThrottle(actor, { key }), "Cleared.", PAGE);
}
