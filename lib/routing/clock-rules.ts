// The SLA target and the calendars a ticket's clocks run on, for one ticket or many in one statement:
// the customer clock on the customer's organization's calendar, a tier budget on the calendar of the
// group the ticket is in, each else the matrix version's. Calendars are shared objects per calendar, so
// the business-hours arithmetic prepares each once per load.
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { ClockCalendars } from "./clocks";
import { calendarJsonSql, slaTargetsJsonSql } from "./current-matrix.sql";
import type { SlaTargetData } from "./sla";

export type Query = <T>(sql: Prisma.Sql) => Promise<T[]>;

/** A Prisma transaction's raw query, in the shape the loaders take. */
export const prismaQuery =
  (tx: Transaction): Query =>
  <T>(sql: Prisma.Sql) =>
    tx.$queryRaw<T[]>(sql);

/** What decides a ticket's rules: its matrix version and priority, its customer's organization, its group. */
export interface RulesKey {
  matrixVersionId: string;
  priority: Priority;
  organizationId: string | null;
  groupId: string;
}

export interface Rules {
  target: SlaTargetData;
  /** The calendars its clocks run on where it is now. */
  calendars: ClockCalendars;
  /** The calendar of the group it moves to (when a move was asked for), for the new tier's budget. */
  tierCalendarAfter?: CalendarData;
}

export type RulesOf = (ticket: RulesKey, toGroupId?: string) => Rules;

interface Row {
  kind: "version" | "organization" | "group" | "calendar";
  id: string;
  calendarId: string;
  targets: SlaTargetData[] | null;
  calendar: CalendarData | null;
}

/** The rules of each of `tickets`, also for moving them into any of `toGroupIds`: one statement. */
export async function loadRulesOf(query: Query, tickets: RulesKey[], toGroupIds: string[] = []): Promise<RulesOf> {
  const versionIds = [...new Set(tickets.map((t) => t.matrixVersionId))];
  const organizationIds = [...new Set(tickets.flatMap((t) => (t.organizationId ? [t.organizationId] : [])))];
  const groupIds = [...new Set([...tickets.map((t) => t.groupId), ...toGroupIds])];
  const rows = versionIds.length
    ? await query<Row>(Prisma.sql`
        WITH refs AS (
          SELECT 'version' AS kind, v."id", v."calendarId" FROM "PriorityMatrixVersion" v WHERE v."id" = ANY(${versionIds}::text[])
          UNION ALL
          SELECT 'organization', o."id", o."calendarId" FROM "Organization" o WHERE o."id" = ANY(${organizationIds}::text[]) AND o."calendarId" IS NOT NULL
          UNION ALL
          SELECT 'group', g."id", g."calendarId" FROM "SupportGroup" g WHERE g."id" = ANY(${groupIds}::text[]) AND g."calendarId" IS NOT NULL
        )
        SELECT r.kind, r."id", r."calendarId", CASE WHEN r.kind = 'version' THEN ${slaTargetsJsonSql(Prisma.sql`r."id"`)} END AS targets, NULL::jsonb AS calendar
        FROM refs r
        UNION ALL
        SELECT 'calendar', k."id", k."id", NULL, ${calendarJsonSql(Prisma.sql`k."id"`)}
        FROM "SupportCalendar" k WHERE k."id" IN (SELECT "calendarId" FROM refs)`)
    : [];
  const calendars = new Map(rows.filter((r) => r.kind === "calendar").map((r) => [r.id, r.calendar!]));
  const of = (kind: Row["kind"]) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.id, r]));
  const versions = of("version");
  const organizations = of("organization");
  const groups = of("group");
  const calendarOf = (ref: Row | undefined) => (ref ? calendars.get(ref.calendarId) : undefined);

  return (ticket, toGroupId) => {
    const version = versions.get(ticket.matrixVersionId);
    if (!version) throw new Error(`Matrix version ${ticket.matrixVersionId} not found.`);
    const target = version.targets?.find((t) => t.priority === ticket.priority);
    if (!target) throw new Error(`Matrix version ${ticket.matrixVersionId} has no target for ${ticket.priority}.`);
    const fallback = calendars.get(version.calendarId)!;
    const rules: Rules = {
      target,
      calendars: {
        customer: calendarOf(ticket.organizationId ? organizations.get(ticket.organizationId) : undefined) ?? fallback,
        tier: calendarOf(groups.get(ticket.groupId)) ?? fallback,
      },
    };
    if (toGroupId !== undefined) rules.tierCalendarAfter = calendarOf(groups.get(toGroupId)) ?? fallback;
    return rules;
  };
}

/** The rules of one ticket, and of moving it into `toGroupId` when given. */
export async function loadRules(tx: Transaction, ticket: RulesKey, toGroupId?: string): Promise<Rules> {
  const rulesOf = await loadRulesOf(prismaQuery(tx), [ticket], toGroupId ? [toGroupId] : []);
  return rulesOf(ticket, toGroupId);
}
