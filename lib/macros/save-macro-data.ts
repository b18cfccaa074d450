import type { Transaction } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import type { MacroInput } from "@/lib/validation/macro";

/** The columns of a macro as parsed: the category's slug resolved to its row (400 when there is none). */
export async function macroColumns(tx: Transaction, data: MacroInput) {
  const category = data.category ? await tx.category.findUnique({ where: { slug: data.category }, select: { id: true } }) : null;
  if (data.category && !category) throw invalid({ category: ["Choose one of the listed categories, or none for every category."] });
  return { title: data.title, body: data.body, categoryId: category?.id ?? null, visibility: data.visibility, setStatus: data.setStatus || null };
}

/** Two macros cannot share a title: the agent picks them by it. */
export function duplicateTitle(error: unknown): unknown {
  return isUniqueConstraintViolation(error) ? new AppError("CONFLICT", "Another macro has that title.", { title: ["Another macro has that title."] }) : error;
}
