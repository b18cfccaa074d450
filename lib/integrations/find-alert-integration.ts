import { queryStatement } from "@/lib/db/statement";
import { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors";
import type { SeverityMap } from "@/lib/validation/integration";
import { severityMapOf } from "./severity-map";

/** What the alert endpoint needs of an integration: its mapping and the customer incidents are opened for. */
export interface AlertIntegration {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  categoryLabel: string | null;
  severityMap: SeverityMap;
  resolveOnResolved: boolean;
  customer: { id: string; userId: string; organizationId: string | null };
}

/** The active integration with this slug; unknown or switched off is "not found" (404). */
export async function findAlertIntegration(slug: string): Promise<AlertIntegration> {
  const [row] = await queryStatement<Omit<AlertIntegration, "severityMap" | "customer"> & { severityMap: unknown; customerId: string; customerUserId: string; organizationId: string | null }>(Prisma.sql`
    SELECT i."id", i."slug", i."name", c."slug" AS "categorySlug", i."categoryLabel", i."severityMap", i."resolveOnResolved",
      u."id" AS "customerId", u."userId" AS "customerUserId", u."organizationId"
    FROM "Integration" i JOIN "Category" c ON c."id" = i."categoryId" JOIN "User" u ON u."id" = i."customerId"
    WHERE i."slug" = ${slug} AND i."active"`);
  if (!row) throw notFound("Integration");
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    categorySlug: row.categorySlug,
    categoryLabel: row.categoryLabel,
    severityMap: severityMapOf(row.severityMap),
    resolveOnResolved: row.resolveOnResolved,
    customer: { id: row.customerId, userId: row.customerUserId, organizationId: row.organizationId },
  };
}
