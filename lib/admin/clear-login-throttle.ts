import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZThrottleRef } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Forgets the failed logins of one account or address, so it may try again at once. */
export async function clearLoginThrottle(actor: Actor, input: VerbInput<typeof ZThrottleRef>): Promise<void> {
  requireAdminWrite(actor);
  const { key } = parseInput(ZThrottleRef, input);
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ failures: number; blockedUntil: Date }[]>`
      DELETE FROM "LoginThrottle" WHERE "key" = ${key} RETURNING "failures", "blockedUntil"`;
    if (!row) throw notFound("Login throttle");
    await recordAuditEvent(tx, actor, {
      entity: "LoginThrottle",
      entityId: key,
      action: "clear",
      before: { key, failures: row.failures, blockedUntil: row.blockedUntil.toISOString() },
      after: null,
    });
  });
}
