// The sweep's vendor alerts: each open engagement is alerted once at 75 % and once at 100 % of its response
// target (until the vendor responds) and of its resolution target. One statement whatever their number; an
// engagement another transaction holds (its ticket being returned or resolved) is left to the next run.
import { Prisma } from "@/lib/db/generated/client";
import type { SqlTransaction } from "@/lib/db/transaction";
import { VENDOR_ALERTS } from "./vendor-targets";

/**
 * The next threshold of engagement `e` (a SQL alias) still to alert on, once `sent` (a SQL expression) holds
 * the alerts sent and `respondedAt` (default: its column) the vendor's response. Twin of `nextVendorAlertAt` (vendor-targets.ts); the parity test holds them together.
 */
export const nextVendorAlertAtSql = (e: string, sent: Prisma.Sql, respondedAt: Prisma.Sql = Prisma.sql`${Prisma.raw(e)}."respondedAt"`) => {
  const row = Prisma.raw(e);
  return Prisma.sql`LEAST(${Prisma.join(
    VENDOR_ALERTS.map(
      (a) =>
        Prisma.sql`CASE WHEN (${sent}) & ${a.bit}::int = 0 ${a.target === "response" ? Prisma.sql`AND (${respondedAt}) IS NULL` : Prisma.empty} THEN ${row}.${Prisma.raw(`"${a.at}"`)} END`,
    ),
  )})`;
};

/** Bits of the thresholds of engagement `e` reached by `now` and not yet alerted. */
const reachedSql = (e: string, now: Date) => {
  const row = Prisma.raw(e);
  return Prisma.join(
    VENDOR_ALERTS.map(
      (a) =>
        Prisma.sql`CASE WHEN ${row}."alertsSent" & ${a.bit}::int = 0 ${a.target === "response" ? Prisma.sql`AND ${row}."respondedAt" IS NULL` : Prisma.empty}
          AND ${row}.${Prisma.raw(`"${a.at}"`)} <= ${now}::timestamp(3) THEN ${a.bit}::int ELSE 0 END`,
    ),
    " | ",
  );
};

/**
 * Alerts the engagements whose thresholds `now` reached. A run that finds both 75 % and 100 % of one target
 * reached (the sweep was away) sends the breach only. The recipients are the notify_vendor_alerts trigger's.
 */
export async function alertVendorTargets(tx: SqlTransaction, now: Date): Promise<number> {
  return tx.execute(Prisma.sql`
    WITH reached AS (
      SELECT e."id", (${reachedSql("e", now)}) AS bits
      FROM "VendorEngagement" e
      WHERE e."nextAlertAt" <= ${now}::timestamp(3) AND e."endedAt" IS NULL
      FOR UPDATE SKIP LOCKED
    ),
    alerted AS (
      UPDATE "VendorEngagement" AS e
      SET "alertsSent" = e."alertsSent" | r.bits, "nextAlertAt" = ${nextVendorAlertAtSql("e", Prisma.sql`e."alertsSent" | r.bits`)}
      FROM reached r WHERE e."id" = r."id"
      RETURNING e."id", e."ticketId", e."groupId", e."priority", e."calendarLabel", e."responseDueAt", e."resolutionDueAt", r.bits
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "fromGroup", "toGroup", "rule", "inputs", "reason", "createdAt")
    SELECT a."ticketId", 'ALERT', 'L4', 'L4', g."slug", g."slug", k.rule,
      jsonb_build_object('engagementId', a."id", 'group', g."slug", 'priority', a."priority", 'target', k.target, 'percent', k.percent,
        'dueAt', k.due, 'calendar', a."calendarLabel", 'notify', CASE WHEN k.percent = 100 THEN 'coordinator+leads+managers' ELSE 'coordinator' END),
      CASE WHEN k.percent = 100
        THEN 'The coordinator, their group''s leads and the managers are alerted: ' || g."name" || ' missed its ' || a."priority" || ' ' || k.target
          || ' target (due ' || to_char(k.due, 'YYYY-MM-DD HH24:MI') || ' UTC' || COALESCE(', ' || a."calendarLabel", '') || ').'
        ELSE 'The coordinator is alerted: 75 % of ' || g."name" || '''s ' || a."priority" || ' ' || k.target
          || ' target is used (due ' || to_char(k.due, 'YYYY-MM-DD HH24:MI') || ' UTC' || COALESCE(', ' || a."calendarLabel", '') || ').' END,
      ${now}::timestamp(3)
    FROM alerted a
    JOIN "SupportGroup" g ON g."id" = a."groupId"
    CROSS JOIN LATERAL (VALUES ${Prisma.join(
      VENDOR_ALERTS.map((k) => Prisma.sql`(${k.bit}::int, ${k.rule}, ${k.target}, ${k.percent}::int, a.${Prisma.raw(`"${k.target}DueAt"`)})`),
    )}) AS k(bit, rule, target, percent, due)
    WHERE a.bits & k.bit <> 0 AND NOT (k.percent = 75 AND a.bits & (k.bit * 2) <> 0)`);
}
