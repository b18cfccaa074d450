import type { Actor } from "@/lib/actor";
import { hashSecret } from "@/lib/auth/secret-hash";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { invalid } from "@/lib/errors";
import { ZPersonRef } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { findPersonForChange } from "./find-person-for-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

interface SecretKind {
  /** "pin" or "password": the audit event names it, never its value. */
  name: "pin" | "password";
  generate(): string;
  /** Whether a person of this role signs in with this kind of secret. */
  isFor(role: Role): boolean;
  /** Why a person of another role cannot be given one. */
  refusal: string;
  auditAction: string;
}

/**
 * Gives a person a new generated secret (admins): returned once, stored only as its scrypt hash. The old
 * one stops working at once, and every session signed in with it ends (secretChangedAt). The audit event
 * records that a new secret replaced the old, never the secret itself.
 */
export async function replaceSecret(actor: Actor, input: VerbInput<typeof ZPersonRef>, kind: SecretKind, now: Date): Promise<{ userId: string; secret: string }> {
  requireAdminWrite(actor);
  const { userId } = parseInput(ZPersonRef, input);
  const secret = kind.generate();
  const secretHash = await hashSecret(secret);
  const person = await db().$transaction(async (tx) => {
    const person = await findPersonForChange(tx, userId);
    if (!kind.isFor(person.role)) throw invalid({ userId: [kind.refusal] });
    if (person.serviceAccount) throw invalid({ userId: ["A service account never signs in: it acts through API tokens (/admin/tokens)."] });
    await tx.user.update({ where: { id: person.id }, data: { secretHash, secretChangedAt: now, publishedSecret: false } });
    await recordAuditEvent(tx, actor, {
      entity: "User",
      entityId: person.id,
      action: kind.auditAction,
      before: { userId: person.userId, [kind.name]: "previous" },
      after: { userId: person.userId, [kind.name]: "new, shown once" },
    });
    return person;
  });
  return { userId: person.userId, secret };
}
