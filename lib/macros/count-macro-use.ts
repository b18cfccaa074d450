import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { requireStaffForMacros } from "./ticket-macros";

/**
 * Counts one use of a macro, inside the transaction that writes the comment sent from it: the count is of
 * replies actually sent. One UPDATE adds one, so parallel sends never lose a use.
 */
export async function countMacroUse(tx: Transaction, actor: Actor, macroId: number, ticketCategoryId: string): Promise<void> {
  requireStaffForMacros(actor);
  const counted = await tx.$executeRaw`UPDATE "Macro" SET "usageCount" = "usageCount" + 1 WHERE "id" = ${macroId} AND ("categoryId" IS NULL OR "categoryId" = ${ticketCategoryId})`;
  if (counted !== 1) throw invalid({ macroId: ["That macro is not offered on this ticket (deleted, or for another category)."] });
}
