import type { IntegrationKind } from "@/lib/db/generated/enums";
import type { SeverityMap } from "@/lib/validation/integration";
import { severityMapOf } from "./severity-map";

/** An integration as the admin page and API show it. */
export interface IntegrationJson {
  id: string;
  slug: string;
  name: string;
  kind: IntegrationKind;
  customer: { userId: string; name: string };
  category: { slug: string; name: string };
  severityMap: SeverityMap;
  categoryLabel: string | null;
  resolveOnResolved: boolean;
  active: boolean;
  /** The path Alertmanager posts to (append it to the site's address in alertmanager.yml). */
  endpointPath: string;
  /** Incidents it opened, and of those whose alert still fires. */
  incidents: number;
  openAlerts: number;
  createdAt: string;
  updatedAt: string;
}

export const INTEGRATION_SELECT = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  severityMap: true,
  categoryLabel: true,
  resolveOnResolved: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { userId: true, name: true } },
  category: { select: { slug: true, name: true } },
} as const;

export const alertmanagerPath = (slug: string) => `/api/v1/integrations/alertmanager?integration=${encodeURIComponent(slug)}`;

interface IntegrationRow {
  id: string;
  slug: string;
  name: string;
  kind: IntegrationKind;
  severityMap: unknown;
  categoryLabel: string | null;
  resolveOnResolved: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  customer: { userId: string; name: string };
  category: { slug: string; name: string };
}

export function integrationJson(row: IntegrationRow, counts: { incidents: number; openAlerts: number } = { incidents: 0, openAlerts: 0 }): IntegrationJson {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    customer: { userId: row.customer.userId, name: row.customer.name },
    category: { slug: row.category.slug, name: row.category.name },
    severityMap: severityMapOf(row.severityMap),
    categoryLabel: row.categoryLabel,
    resolveOnResolved: row.resolveOnResolved,
    active: row.active,
    endpointPath: alertmanagerPath(row.slug),
    incidents: counts.incidents,
    openAlerts: counts.openAlerts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
