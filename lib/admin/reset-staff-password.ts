import type { Actor } from "@/lib/actor";
import { hashSecret } from "@/lib/auth/secret-hash";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { ZPersonRef } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import { requireAdminWrite } from "./authorize";
import { findPersonForChange } from "./find-person-for-change";
import { generateStaffPassword } from "./generate-staff-password";
import { recordAuditEvent } from "./record-audit-event";

/**
 * Gives a staff member a new generated password (admins): returned once, stored only as its scrypt hash.
 * The old password stops working at once. Customers keep the PIN flow (issuePin). The audit event never holds it.
 */
export async function resetStaffPassword(actor: Actor, input: unknown): Promise<{ userId: string; password: string }> {
  requireAdminWrite(actor);
  const { userId } = parseInput(ZPersonRef, input);
  const password = generateStaffPassword();
  const secretHash = await hashSecret(password);
  const person = await db().$transaction(async (tx) => {
    const person = await findPersonForChange(tx, userId);
    if (person.role === "CUSTOMER") throw invalid({ userId: ["Customers sign in with a PIN: issue a new PIN instead."] });
    await tx.user.update({ where: { id: person.id }, data: { secretHash, secretChangedAt: new Date() } });
    // The password itself is never recorded: only that a new one replaced the old.
    await recordAuditEvent(tx, actor, { entity: "User", entityId: person.id, action: "reset-password", before: { userId: person.userId, password: "previous" }, after: { userId: person.userId, password: "new, shown once" } });
    return person;
  });
  return { userId: person.userId, password };
}
