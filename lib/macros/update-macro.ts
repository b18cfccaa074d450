import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZMacro, ZMacroId } from "@/lib/validation/macro";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { MACRO_SELECT, macroJson, type MacroJson } from "./macro-json";
import { duplicateTitle, macroColumns } from "./save-macro-data";

/** Replaces a macro's title, text, category, visibility and status to set (admins); its usage count stays. */
export async function updateMacro(actor: Actor, id: unknown, input: VerbInput<typeof ZMacro>): Promise<MacroJson> {
  requireAdminWrite(actor);
  const macroId = parseInput(ZMacroId, id);
  const data = parseInput(ZMacro, input);
  try {
    return await db().$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Macro" WHERE "id" = ${macroId} FOR UPDATE`;
      if (!locked) throw notFound("Macro");
      const before = macroJson(await tx.macro.findUniqueOrThrow({ where: { id: macroId }, select: MACRO_SELECT }));
      const after = macroJson(await tx.macro.update({ where: { id: macroId }, data: await macroColumns(tx, data), select: MACRO_SELECT }));
      await recordAuditEvent(tx, actor, { entity: "Macro", entityId: String(macroId), action: "update", before, after });
      return after;
    });
  } catch (error) {
    throw duplicateTitle(error);
  }
}
