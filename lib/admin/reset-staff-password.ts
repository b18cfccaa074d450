import type { Actor } from "@/lib/actor";
import type { ZPersonRef } from "@/lib/validation/admin";
import type { VerbInput } from "@/lib/validation/unchecked";
import { generateStaffPassword } from "./generate-staff-password";
import { replaceSecret } from "./replace-secret";

/** Gives a staff member a new generated password, through `replaceSecret`. Customers keep the PIN flow (issuePin). */
export async function resetStaffPassword(actor: Actor, input: VerbInput<typeof ZPersonRef>, now = new Date()): Promise<{ userId: string; password: string }> {
  const { userId, secret } = await replaceSecret(actor, input, {
    name: "password",
    generate: generateStaffPassword,
    isFor: (role) => role !== "CUSTOMER",
    refusal: "Customers sign in with a PIN: issue a new PIN instead.",
    auditAction: "reset-password",
  }, now);
  return { userId, password: secret };
}
