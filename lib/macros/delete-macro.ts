import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZMacroId } from "@/lib/validation/macro";
import { parseInput } from "@/lib/validation/parse";
import { MACRO_SELECT, macroJson } from "./macro-json";

/**
 * Deletes a macro (admins). Comments sent from it keep their text and its number; the audit trail keeps
 * what it was and how often it was used.
 */
export async function deleteMacro(actor: Actor, id: unknown): Promise<void> {
  requireAdminWrite(actor);
  const macroId = parseInput(ZMacroId, id);
  await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Macro" WHERE "id" = ${macroId} FOR UPDATE`;
    if (!locked) throw notFound("Macro");
    const before = macroJson(await tx.macro.findUniqueOrThrow({ where: { id: macroId }, select: MACRO_SELECT }));
    await tx.macro.delete({ where: { id: macroId } });
    await recordAuditEvent(tx, actor, { entity: "Macro", entityId: String(macroId), action: "delete", before, after: null });
  });
}
