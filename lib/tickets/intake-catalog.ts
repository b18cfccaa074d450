import { processDatabase } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { INTAKE_GROUP_SLUG } from "@/lib/routing/intake";
import { CURRENT_MATRIX_JSON, type CurrentMatrix } from "@/lib/routing/matrix-store";
import type { GroupData } from "@/lib/routing/placement";
import { queryStatement } from "@/lib/db/statement";

export interface IntakeCategory {
  id: string;
  slug: string;
  name: string;
  defaultImpact: Impact;
  defaultUrgency: Urgency;
}

/**
 * What intake decides from that changes only when an admin or manager changes it: the categories, the
 * intake group and the current matrix with its targets and calendar. Kept in memory per database, with the
 * `RoutingConfigStamp` version it was read at: intake's statement writes only while that version is still
 * current, so a change made on any app instance is seen by the next intake everywhere.
 */
export interface IntakeCatalog {
  stamp: string;
  categories: Map<string, IntakeCategory>;
  group: GroupData | null;
  matrix: CurrentMatrix | null;
  /** Organization names by id, as the CREATED event names the customer's: read as intakes need them. */
  organizations: Map<string, string | null>;
}

const catalogs = new WeakMap<object, IntakeCatalog>();

/** The catalog in memory, or read afresh (`fresh`, or none yet) in one statement. */
export async function intakeCatalog(fresh = false): Promise<IntakeCatalog> {
  const database = processDatabase();
  const kept = catalogs.get(database);
  if (kept && !fresh) return kept;
  const [row] = await queryStatement<{ stamp: string; categories: IntakeCategory[] | null; group: GroupData | null; matrix: CurrentMatrix | null }>(Prisma.sql`
    SELECT
      COALESCE((SELECT "version" FROM "RoutingConfigStamp" WHERE "id" = 1), 0)::text AS "stamp",
      (SELECT jsonb_agg(jsonb_build_object('id', c."id", 'slug', c."slug", 'name', c."name", 'defaultImpact', c."defaultImpact", 'defaultUrgency', c."defaultUrgency"))
         FROM "Category" c) AS "categories",
      (SELECT jsonb_build_object('id', g."id", 'slug', g."slug", 'name', g."name", 'tier', g."tier", 'assignmentMode', g."assignmentMode")
         FROM "SupportGroup" g WHERE g."slug" = ${INTAKE_GROUP_SLUG}) AS "group",
      ${CURRENT_MATRIX_JSON} AS "matrix"`);
  const catalog: IntakeCatalog = {
    stamp: row!.stamp,
    categories: new Map((row!.categories ?? []).map((c) => [c.slug, c])),
    group: row!.group,
    matrix: row!.matrix,
    organizations: new Map(),
  };
  catalogs.set(database, catalog);
  return catalog;
}

/**
 * An organization's name, kept with the catalog: a rename moves the stamp (Organization has its trigger),
 * so it is read again with the rest of the catalog.
 */
export async function organizationName(catalog: IntakeCatalog, organizationId: string): Promise<string | null> {
  if (catalog.organizations.has(organizationId)) return catalog.organizations.get(organizationId)!;
  const [row] = await queryStatement<{ name: string }>(Prisma.sql`SELECT "name" FROM "Organization" WHERE "id" = ${organizationId}`);
  const name = row?.name ?? null;
  if (catalog.organizations.size >= 10_000) catalog.organizations.clear();
  catalog.organizations.set(organizationId, name);
  return name;
}
