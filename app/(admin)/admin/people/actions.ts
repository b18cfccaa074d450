"use server";

import { clearLoginThrottle } from "@/lib/admin/clear-login-throttle";
import { createPerson } from "@/lib/admin/create-person";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { issuePin } from "@/lib/admin/issue-pin";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { runAction } from "@/lib/http/run-action";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/people";

export async function createPersonAction(input: unknown) {
  return runAction((actor) => createPerson(actor, unchecked(input)), { done: "Created.", revalidate: PAGE });
}

export async function issuePinAction(userId: string) {
  return runAction((actor) => issuePin(actor, { userId }), { done: "New PIN issued.", revalidate: PAGE });
}

export async function resetPasswordAction(userId: string) {
  return runAction((actor) => resetStaffPassword(actor, { userId }), { done: "New password issued.", revalidate: PAGE });
}

export async function deactivatePersonAction(userId: string) {
  return runAction(async (actor) => (await deactivatePerson(actor, { userId })).userId, { done: "Deactivated.", revalidate: PAGE });
}

export async function clearThrottleAction(key: string) {
  return runAction((actor) => clearLoginThrottle(actor, { key }), { done: "Cleared.", revalidate: PAGE });
}
