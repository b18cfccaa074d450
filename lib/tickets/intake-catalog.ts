import { processDatabase } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { INTAKE_GROUP_SLUG } from "@/lib/routing/intake";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { ClockCalendars } from "@/lib/routing/clocks";
import { calendarJsonSql, CURRENT_MATRIX_JSON } from "@/lib/routing/current-matrix.sql";
import type { CurrentMatrix } from "@/lib/routing/matrix-store";
import type { GroupData } from "@/lib/routing/placement";
import { queryStatement } from "@/lib/db/statement";

export interface IntakeCategory {
  id: string;
  slug: string;
  name: string;
  defaultImpact: Impact;
  defaultUrgency: Urgency;
}

/** A customer's organization as intake needs it: the name the CREATED event gives, the contract's calendar. */
export interface IntakeOrganization {
  name: string;
  /** The customer clock's calendar; null: the matrix version's. */
  calendar: CalendarData | null;
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
  /** With the calendar its tier budgets run on (null: the matrix version's). */
  group: (GroupData & { calendar: CalendarData | null }) | null;
  matrix: CurrentMatrix | null;
  /** Organizations by id: read as intakes need them. */
  organizations: Map<string, IntakeOrganization | null>;
}

const catalogs = new WeakMap<object, IntakeCatalog>();

/** The catalog in memory, or read afresh (`fresh`, or none yet) in one statement. */
export async function intakeCatalog(fresh = false): Promise<IntakeCatalog> {
  const database = processDatabase();
  const kept = catalogs.get(database);
  if (kept && !fresh) return kept;
  const [row] = await queryStatement<{ stamp: string; categories: IntakeCategory[] | null; group: IntakeCatalog["group"]; matrix: CurrentMatrix | null }>(Prisma.sql`
    SELECT
      COALESCE((SELECT "version" FROM "RoutingConfigStamp" WHERE "id" = 1), 0)::text AS "stamp",
      (SELECT jsonb_agg(jsonb_build_object('id', c."id", 'slug', c."slug", 'name', c."name", 'defaultImpact', c."defaultImpact", 'defaultUrgency', c."defaultUrgency"))
         FROM "Category" c) AS "categories",
      (SELECT jsonb_build_object('id', g."id", 'slug', g."slug", 'name', g."name", 'tier', g."tier", 'assignmentMode', g."assignmentMode",
                                 'calendar', ${calendarJsonSql(Prisma.sql`g."calendarId"`)})
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
 * An organization, kept with the catalog: a rename or a new calendar moves the stamp (Organization has its
 * trigger), so it is read again with the rest of the catalog.
 */
export async function organizationOf(catalog: IntakeCatalog, organizationId: string): Promise<IntakeOrganization | null> {
  if (catalog.organizations.has(organizationId)) return catalog.organizations.get(organizationId)!;
  const [row] = await queryStatement<IntakeOrganization>(Prisma.sql`
    SELECT o."name", ${calendarJsonSql(Prisma.sql`o."calendarId"`)} AS "calendar" FROM "Organization" o WHERE o."id" = ${organizationId}`);
  const organization = row ?? null;
  if (catalog.organizations.size >= 10_000) catalog.organizations.clear();
  catalog.organizations.set(organizationId, organization);
  return organization;
}

/** The calendars a new ticket's clocks start on: the organization's (customer clock) and the intake group's (L1 budget), each else the matrix version's. */
export function intakeCalendars(catalog: IntakeCatalog, organization: IntakeOrganization | null): ClockCalendars {
  const fallback = catalog.matrix!.calendar;
  return { customer: organization?.calendar ?? fallback, tier: catalog.group?.calendar ?? fallback };
}
