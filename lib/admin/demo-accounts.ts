import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/actor";
import { hashSecret } from "@/lib/auth/secret-hash";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireAdminWrite } from "./authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export interface DemoAccount {
  userId: string;
  name: string;
  role: string;
}

/** Active people who sign in with a secret the README publishes: staff pages warn while there are any. */
export async function listDemoAccounts(actor: Actor): Promise<DemoAccount[]> {
  if (actor.role === "CUSTOMER") return [];
  return db().user.findMany({ where: { publishedSecret: true, active: true }, select: { userId: true, name: true, role: true }, orderBy: { userId: "asc" } });
}

/**
 * Removes the demo accounts (admins): every person with a published secret is deactivated and given a new
 * secret nobody knows; their tickets, events and comments stay. Refused while no other active admin
 * exists, since the desk would be left with nobody who can administer it.
 */
export async function removeDemoAccounts(actor: Actor, now = new Date()): Promise<{ removed: number }> {
  requireAdminWrite(actor);
  const demo = await db().user.findMany({ where: { publishedSecret: true, active: true }, select: { id: true, userId: true } });
  // Hashed before the transaction: a scrypt each would hold it open for a second.
  const hashes = new Map(await Promise.all(demo.map(async (u) => [u.id, await hashSecret(randomBytes(32).toString("base64url"))] as const)));
  return db().$transaction(async (tx) => {
    const ownAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, publishedSecret: false } });
    if (ownAdmins === 0) {
      throw new AppError("CONFLICT", "Create an admin of your own first (People): removing the demo accounts would leave nobody who can administer the desk.");
    }
    let removed = 0;
    for (const person of demo) {
      const { count } = await tx.user.updateMany({
        where: { id: person.id, publishedSecret: true, active: true },
        data: { active: false, publishedSecret: false, secretHash: hashes.get(person.id)!, secretChangedAt: now },
      });
      if (count === 0) continue; // removed meanwhile by another admin
      removed++;
      await recordAuditEvent(tx, actor, {
        entity: "User",
        entityId: person.id,
        action: "remove-demo",
        before: { userId: person.userId, active: true, secret: "published" },
        after: { userId: person.userId, active: false, secret: "new, never shown" },
      });
    }
    return { removed };
  });
}
