// A year of tickets with their decision log, as bench:dashboard measures it and bench:pages reads beside the open
// backlog: one INSERT … SELECT generate_series for the tickets, one per kind of event, on a throw-away PostgreSQL
// database already migrated and seeded with the demo data.
import type pg from "pg";

/**
 * `tickets` tickets, numbered INC-`firstNumber` on, created evenly over the last 365 days (ids in creation order). By g % 100: 0–54 resolved
 * at L1; 55–74 escalated L1→L2 and resolved there; 75–81 on to L3; 82–84 on to L4 (vendor); 85–89 escalated
 * and returned to L1, then resolved. Tickets of the last 7 days with g % 100 ≥ 90, and those of the last
 * day with g % 10 = 3, are still open at their tier. Every 50th resolved ticket was reopened once, every
 * 20th got a missed customer update, every 10th a late first response, every 8th a late resolution.
 * Events: CREATED for every ticket, each tier move, RETURNED, STATUS_CHANGED on resolution, reopens, ALERTs.
 */
export async function loadTicketHistory(pool: pg.Pool, now: Date, tickets: number, firstNumber = 1_000_001): Promise<void> {
  const refs = (await pool.query<Record<string, string>>(
    `SELECT (SELECT id FROM "SupportGroup" WHERE slug = 'service-desk') AS l1, (SELECT id FROM "SupportGroup" WHERE slug = 'platform-support') AS l2,
            (SELECT id FROM "SupportGroup" WHERE slug = 'engineering-support') AS l3, (SELECT id FROM "SupportGroup" WHERE slug = 'cloud-vendor') AS l4,
            (SELECT id FROM "User" WHERE "userId" = 'l1agent') AS a1, (SELECT id FROM "User" WHERE "userId" = 'l2agent') AS a2,
            (SELECT id FROM "User" WHERE "userId" = 'l3agent') AS a3, (SELECT id FROM "PriorityMatrixVersion" ORDER BY version DESC LIMIT 1) AS mv`,
  )).rows[0]!;
  // Events go to this load's tickets only (ids above those already there).
  const before = Number((await pool.query<{ max: number | null }>(`SELECT max(id) AS max FROM "Ticket"`)).rows[0]!.max ?? 0);
  await pool.query(
    `WITH s AS (
       SELECT g, g % 100 AS r,
         $1::timestamp(3) - ($2::int - g) * (interval '365 days' / $2::int) AS created,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + g % 3]::"Impact" AS impact,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + (g / 3) % 3]::"Urgency" AS urgency
       FROM generate_series(1, $2::int) AS g
     ), p AS (
       SELECT s.*,
         CASE WHEN r BETWEEN 55 AND 74 THEN 'L2' WHEN r BETWEEN 75 AND 81 THEN 'L3' WHEN r BETWEEN 82 AND 84 THEN 'L4' ELSE 'L1' END::"Tier" AS tier,
         ((r >= 90 AND created > $1::timestamp(3) - interval '7 days') OR (g % 10 = 3 AND created > $1::timestamp(3) - interval '1 day')) AS open
       FROM s
     ), cats AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "Category"),
     customers AS (SELECT array_agg(id ORDER BY "userId") AS ids, array_agg("organizationId" ORDER BY "userId") AS orgs FROM "User" WHERE role = 'CUSTOMER')
     INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
       "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "externalReference", "tierEnteredAt",
       "firstResponseDueAt", "resolutionDueAt", "slaClockSince", "tierClockSince", "vendorClockSince", "vendorSecondsUsed",
       "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "firstRespondedAt", "firstResponseMet", "resolvedAt", "resolutionMet",
       "createdAt", "updatedAt")
     SELECT 'INC-' || ($11::int - 1 + g), 'INCIDENT', 'Bench ticket ' || g, 'Bench ticket for the dashboard benchmark.',
       CASE WHEN NOT open THEN 'RESOLVED' WHEN tier = 'L4' THEN 'PENDING_VENDOR' ELSE 'IN_PROGRESS' END::"TicketStatus",
       tier, mc.priority, p.impact, p.urgency,
       cats.ids[1 + g % array_length(cats.ids, 1)], customers.ids[1 + g % array_length(customers.ids, 1)], customers.orgs[1 + g % array_length(customers.orgs, 1)],
       CASE tier WHEN 'L1' THEN $3 WHEN 'L2' THEN $4 WHEN 'L3' THEN $5 ELSE $6 END,
       CASE tier WHEN 'L1' THEN $7 WHEN 'L2' THEN $8 ELSE $9 END,
       $10, CASE WHEN tier = 'L4' THEN 'VENDOR-' || g END,
       created + interval '30 minutes',
       CASE WHEN open AND g % 10 = 0 THEN created + interval '30 minutes' END,
       CASE WHEN open THEN created + interval '8 hours' END,
       CASE WHEN open THEN created END,
       CASE WHEN open AND tier <> 'L4' THEN created + interval '30 minutes' END,
       CASE WHEN open AND tier = 'L4' THEN created + interval '2 hours' END,
       CASE WHEN tier = 'L4' AND NOT open THEN 3600 + g % 7200 ELSE 0 END,
       600 + g % 1800,
       CASE WHEN r >= 55 AND r <= 89 THEN 900 + g % 3600 ELSE 0 END,
       CASE WHEN r BETWEEN 75 AND 84 THEN 1800 + g % 7200 ELSE 0 END,
       CASE WHEN open AND g % 10 = 0 THEN NULL ELSE created + (g % 60) * interval '1 minute' END,
       CASE WHEN open AND g % 10 = 0 THEN NULL ELSE g % 10 <> 0 END,
       CASE WHEN NOT open THEN created + interval '1 hour' + (g % 72000) * interval '1 second' END,
       CASE WHEN NOT open THEN g % 8 <> 0 END,
       created, created
     FROM p CROSS JOIN cats CROSS JOIN customers
     JOIN "MatrixCell" mc ON mc."versionId" = $10 AND mc.impact = p.impact AND mc.urgency = p.urgency`,
    [now.toISOString(), tickets, refs.l1, refs.l2, refs.l3, refs.l4, refs.a1, refs.a2, refs.a3, refs.mv, firstNumber],
  );
  const events = (select: string) =>
    pool.query(`INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt") ${select}`);
  await events(`SELECT id, 'CREATED', NULL, 'L1', 'intake.l1', NULL, 'Bench ticket.', "createdAt" FROM "Ticket" WHERE id > ${before}`);
  // Tier moves: L1→L2 for every ticket that left L1 (and the returned ones), L2→L3, L3→L4; a return L2→L1.
  await events(
    `SELECT id, CASE WHEN id % 3 = 0 THEN 'AUTO_ESCALATED' ELSE 'ESCALATED' END::"TicketEventType", 'L1', 'L2', 'escalate.manual', NULL, 'Bench.', "createdAt" + interval '20 minutes'
     FROM "Ticket" WHERE id > ${before} AND id % 100 BETWEEN 55 AND 89`,
  );
  await events(`SELECT id, 'ESCALATED', 'L2', 'L3', 'escalate.manual', NULL, 'Bench.', "createdAt" + interval '40 minutes' FROM "Ticket" WHERE id > ${before} AND id % 100 BETWEEN 75 AND 84`);
  await events(`SELECT id, 'ESCALATED', 'L3', 'L4', 'escalate.l4-handoff', NULL, 'Bench.', "createdAt" + interval '2 hours' FROM "Ticket" WHERE id > ${before} AND id % 100 BETWEEN 82 AND 84`);
  await events(`SELECT id, 'RETURNED', 'L2', 'L1', 'return.guidance', '{"guidance":"Bench."}', 'Bench.', "createdAt" + interval '50 minutes' FROM "Ticket" WHERE id > ${before} AND id % 100 BETWEEN 85 AND 89`);
  await events(
    `SELECT id, 'STATUS_CHANGED', tier, tier, 'status.manual', '{"from":"IN_PROGRESS","to":"RESOLVED"}', 'Bench.', "resolvedAt" FROM "Ticket" WHERE id > ${before} AND "resolvedAt" IS NOT NULL`,
  );
  await events(
    `SELECT id, 'STATUS_CHANGED', tier, tier, 'status.manual', '{"from":"RESOLVED","to":"IN_PROGRESS"}', 'Bench.', "resolvedAt" - interval '10 minutes'
     FROM "Ticket" WHERE id > ${before} AND "resolvedAt" IS NOT NULL AND id % 50 = 7`,
  );
  await events(
    `SELECT id, 'ALERT', tier, tier, 'sla.customer-update', NULL, 'Bench.', "createdAt" + interval '70 minutes' FROM "Ticket" WHERE id > ${before} AND id % 20 = 11`,
  );
  await events(`SELECT id, 'COMMENTED', tier, tier, NULL, NULL, 'Bench.', "createdAt" + interval '5 minutes' FROM "Ticket" WHERE id > ${before} AND id % 4 = 1`);
  await pool.query(`VACUUM ANALYZE`);
}
