import type { Transaction } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import type { IntegrationInput } from "@/lib/validation/integration";
import { DEFAULT_SEVERITY_MAP } from "./severity-map";

/** The columns of an integration as parsed: the customer's user ID and the category's slug resolved (400 when unknown). */
export async function integrationColumns(tx: Transaction, data: IntegrationInput) {
  const [customer, category] = await Promise.all([
    tx.user.findFirst({ where: { userId: { equals: data.customer, mode: "insensitive" }, role: "CUSTOMER", active: true }, select: { id: true } }),
    tx.category.findUnique({ where: { slug: data.category }, select: { id: true } }),
  ]);
  const fields: Record<string, string[]> = {};
  if (!customer) fields.customer = [`No active customer has the user ID ${data.customer}.`];
  if (!category) fields.category = ["Choose one of the listed categories."];
  if (!customer || !category) throw invalid(fields);
  return {
    name: data.name,
    slug: data.slug,
    customerId: customer.id,
    categoryId: category.id,
    severityMap: data.severityMap ?? DEFAULT_SEVERITY_MAP,
    categoryLabel: data.categoryLabel || null,
    resolveOnResolved: data.resolveOnResolved ?? true,
  };
}

/** Two integrations cannot share a slug: Alertmanager's URL names it. */
export function duplicateSlug(error: unknown): unknown {
  return isUniqueConstraintViolation(error) ? new AppError("CONFLICT", "Another integration has that slug.", { slug: ["Another integration has that slug."] }) : error;
}
