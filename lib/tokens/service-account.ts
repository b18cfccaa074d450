import type { Actor } from "@/lib/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { normalizeUserId } from "@/lib/auth/authenticate";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceAccountInput } from "@/lib/validation/api-token";

/**
 * Stored in place of a secret hash: not in the scrypt format, so it verifies against nothing. Sign-in refuses
 * service accounts before looking at any secret anyway (authenticate.ts), even after a password reset.
 */
export const NO_SECRET = "!service-account";

const conflict = (message: string) => new AppError("CONFLICT", message, { "serviceAccount.userId": [message] });

/**
 * The service account a token acts as, inside the caller's transaction: the one with this user ID, or a new one
 * (audited as a User creation). A person's user ID, a deactivated account, or one with another role is a 409.
 */
export async function findOrCreateServiceAccount(tx: Transaction, actor: Actor, input: ServiceAccountInput, now: Date): Promise<string> {
  const userId = normalizeUserId("staff", input.userId);
  const existing = await tx.user.findFirst({
    where: { userId: { equals: userId, mode: "insensitive" } },
    select: { id: true, serviceAccount: true, active: true, role: true, tier: true },
  });
  if (existing) {
    if (!existing.serviceAccount) throw conflict(`The user ID ${userId} belongs to a person, not a service account.`);
    if (!existing.active) throw conflict(`The service account ${userId} is deactivated.`);
    if (existing.role !== input.role || existing.tier !== input.tier) {
      throw conflict(`The service account ${userId} exists as ${existing.role}${existing.tier ? ` ${existing.tier}` : ""}: name that role or another user ID.`);
    }
    return existing.id;
  }
  const row = await tx.user.create({
    data: { userId, name: input.name ?? userId, role: input.role, tier: input.tier, secretHash: NO_SECRET, serviceAccount: true, createdAt: now },
    select: { id: true, userId: true, name: true, role: true, tier: true },
  });
  await recordAuditEvent(tx, actor, { entity: "User", entityId: row.id, action: "create", before: null, after: { userId: row.userId, name: row.name, role: row.role, tier: row.tier, serviceAccount: true, active: true } });
  return row.id;
}
