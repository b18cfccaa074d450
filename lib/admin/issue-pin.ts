import type { Actor } from "@/lib/actor";
import { generatePin } from "@/lib/auth/secret-hash";
import type { ZPersonRef } from "@/lib/validation/admin";
import type { VerbInput } from "@/lib/validation/unchecked";
import { replaceSecret } from "./replace-secret";

/** Issues a new PIN to a customer (a first one or a reset), through `replaceSecret`. */
export async function issuePin(actor: Actor, input: VerbInput<typeof ZPersonRef>, now = new Date()): Promise<{ userId: string; pin: string }> {
  const { userId, secret } = await replaceSecret(actor, input, {
    name: "pin",
    generate: generatePin,
    isFor: (role) => role === "CUSTOMER",
    refusal: "PINs are for customers; staff sign in with a password.",
    auditAction: "issue-pin",
  }, now);
  return { userId, pin: secret };
}
