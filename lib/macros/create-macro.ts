import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { ZMacro } from "@/lib/validation/macro";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { MACRO_SELECT, macroJson, type MacroJson } from "./macro-json";
import { duplicateTitle, macroColumns } from "./save-macro-data";

/** A new macro (admins); a title another macro has is a 409, an unknown placeholder a 400 naming it. */
export async function createMacro(actor: Actor, input: VerbInput<typeof ZMacro>): Promise<MacroJson> {
  requireAdminWrite(actor);
  const data = parseInput(ZMacro, input);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.macro.create({ data: await macroColumns(tx, data), select: MACRO_SELECT });
      const view = macroJson(row);
      await recordAuditEvent(tx, actor, { entity: "Macro", entityId: String(row.id), action: "create", before: null, after: view });
      return view;
    });
  } catch (error) {
    throw duplicateTitle(error);
  }
}
