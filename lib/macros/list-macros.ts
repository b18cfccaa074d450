import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db } from "@/lib/db/client";
import { MACRO_SELECT, macroJson, type MacroJson } from "./macro-json";

/** Every macro by title, with how often each was sent (admins and managers). */
export async function listMacros(actor: Actor): Promise<MacroJson[]> {
  requireAdminRead(actor);
  const rows = await db().macro.findMany({ orderBy: { title: "asc" }, take: 1000, select: MACRO_SELECT });
  return rows.map(macroJson);
}
