// The open-ticket data set of the queue benchmarks (bench:pages, bench:load): demo data's groups and agents,
// bench customers and L1 agents, and 100,000 open tickets bulk-loaded in one INSERT … SELECT with their
// decision log, on a throw-away PostgreSQL database.
import type pg from "pg";

export const DEFAULT_OPEN_TICKETS = 100_000;

export interface UserCounts {
  /** Bench customers B00001 …, sharing demo customer C1001's PIN. */
  customers: number;
  /** Bench L1 agents bench-l1-01 … in service-desk (they share C1001's secret hash: they never sign in unless given another). */
  l1Agents: number;
}

const DEFAULT_USERS: UserCounts = { customers: 200, l1Agents: 50 };

export interface Fixtures {
  serviceDesk: string;
  platformSupport: string;
  engineeringSupport: string;
  l1agent: string;
  l2agent: string;
  l3agent: string;
  manager: string;
  matrixVersionId: string;
}

export async function loadFixtures(pool: pg.Pool): Promise<Fixtures> {
  const one = async (query: string, value?: string) => (await pool.query<{ id: string }>(query, value ? [value] : [])).rows[0]!.id;
  const group = (slug: string) => one(`SELECT id FROM "SupportGroup" WHERE slug = $1`, slug);
  const user = (userId: string) => one(`SELECT id FROM "User" WHERE "userId" = $1`, userId);
  return {
    serviceDesk: await group("service-desk"),
    platformSupport: await group("platform-support"),
    engineeringSupport: await group("engineering-support"),
    l1agent: await user("l1agent"),
    l2agent: await user("l2agent"),
    l3agent: await user("l3agent"),
    manager: await user("manager"),
    matrixVersionId: await one(`SELECT id FROM "PriorityMatrixVersion" ORDER BY version DESC LIMIT 1`),
  };
}

export async function insertUsers(pool: pg.Pool, f: Fixtures, counts: UserCounts = DEFAULT_USERS): Promise<string[]> {
  // Any valid hash does: these users never sign in.
  const hash = (await pool.query<{ h: string }>(`SELECT "secretHash" AS h FROM "User" WHERE "userId" = 'C1001'`)).rows[0]!.h;
  const now = new Date().toISOString();
  await pool.query(
    `INSERT INTO "User" (id, "userId", name, role, "organizationId", "secretHash", "updatedAt")
     SELECT gen_random_uuid()::text, 'B' || lpad(g::text, 5, '0'), 'Bench Customer ' || g, 'CUSTOMER',
            (SELECT id FROM "Organization" ORDER BY slug OFFSET (g % 2) LIMIT 1), $1, $2::timestamp(3)
     FROM generate_series(1, $3::int) AS g`,
    [hash, now, counts.customers],
  );
  const agents = await pool.query<{ id: string }>(
    `INSERT INTO "User" (id, "userId", name, role, tier, "secretHash", "updatedAt")
     SELECT gen_random_uuid()::text, 'bench-l1-' || lpad(g::text, $4::int, '0'), 'Bench Agent ' || g, 'AGENT', 'L1', $1, $2::timestamp(3)
     FROM generate_series(1, $3::int) AS g RETURNING id`,
    [hash, now, counts.l1Agents, Math.max(2, String(counts.l1Agents).length)],
  );
  const ids = agents.rows.map((a) => a.id);
  await pool.query(`INSERT INTO "GroupMembership" ("groupId", "userId") SELECT $1, unnest($2::text[])`, [f.serviceDesk, ids]);
  // l1agent (who signs in) is one of the agents tickets are spread over, so "Mine" has rows.
  return [f.l1agent, ...ids];
}

/**
 * `tickets` open tickets, 100,000 by default (the shape of scripts/bench-routing.ts): L1 70 % in service-desk, L2 20 %, L3 10 %;
 * 1 in 25 assigned (l1agent holds about 1 in 51 of the L1 ones), 1 in 50 waiting on the customer (clocks
 * stopped). Due soon: 1 in 100 past 75 % of the tier budget, 1 in 37 past 75 % of the resolution target;
 * customer update due: 1 in 41, flagged by the sweep: 1 in 97. Then escalations to L2 and L3 over the last
 * 48 hours for 1 in 10 of those tickets, besides every ticket's CREATED event.
 */
export async function bulkLoad(pool: pg.Pool, f: Fixtures, agents: string[], now: Date, tickets = DEFAULT_OPEN_TICKETS): Promise<void> {
  // Events go to this load's tickets only (ids above those already there).
  const before = Number((await pool.query<{ max: number | null }>(`SELECT max(id) AS max FROM "Ticket"`)).rows[0]!.max ?? 0);
  await pool.query(
    `WITH s AS (
       SELECT g,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + g % 3]::"Impact" AS impact,
         (ARRAY['HIGH','MEDIUM','LOW'])[1 + (g / 3) % 3]::"Urgency" AS urgency,
         CASE WHEN g % 10 < 7 THEN 'L1' WHEN g % 10 < 9 THEN 'L2' ELSE 'L3' END::"Tier" AS tier,
         CASE WHEN g % 25 = 1 THEN 'ASSIGNED' WHEN g % 25 = 2 THEN 'IN_PROGRESS' WHEN g % 50 = 9 THEN 'PENDING_CUSTOMER' ELSE 'NEW' END::"TicketStatus" AS status,
         $1::timestamp(3) AS now
       FROM generate_series(1, $2::int) AS g
     ), refs AS (
       SELECT (SELECT array_agg(id ORDER BY "userId") FROM "User" WHERE role = 'CUSTOMER') AS customers,
              (SELECT array_agg("organizationId" ORDER BY "userId") FROM "User" WHERE role = 'CUSTOMER') AS orgs,
              (SELECT array_agg(id ORDER BY slug) FROM "Category") AS categories,
              $3::text[] AS agents
     )
     INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
       "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "version", "tierEnteredAt",
       "firstResponseDueAt", "resolutionDueAt", "resolutionWarnAt", "nextUpdateDueAt", "updateDueFlaggedAt",
       "tierBudgetEndsAt", "tierBudgetWarnAt", "slaSecondsUsed", "slaClockSince", "tierClockSince", "createdAt", "updatedAt")
     SELECT
       CASE WHEN g % 4 = 0 THEN 'REQ-' ELSE 'INC-' END || (1000000 + g),
       CASE WHEN g % 4 = 0 THEN 'SERVICE_REQUEST' ELSE 'INCIDENT' END::"TicketType",
       'Bench ticket ' || g || ': ' || (ARRAY['VPN drops every hour', 'Cannot open invoice PDF', 'Report export times out', 'Password reset mail missing'])[1 + g % 4],
       'Steps to reproduce, what was expected and what happened instead, as a customer would describe it (bench ticket ' || g || ').',
       s.status, s.tier, mc.priority, s.impact, s.urgency,
       refs.categories[1 + g % array_length(refs.categories, 1)],
       refs.customers[1 + g % array_length(refs.customers, 1)],
       refs.orgs[1 + g % array_length(refs.orgs, 1)],
       CASE s.tier WHEN 'L1' THEN $4 WHEN 'L2' THEN $5 ELSE $6 END,
       CASE WHEN s.status IN ('NEW', 'PENDING_CUSTOMER') THEN NULL
            WHEN s.tier = 'L1' THEN refs.agents[1 + (g / 25) % array_length(refs.agents, 1)]
            WHEN s.tier = 'L2' THEN $7 ELSE $8 END,
       $9, 1,
       s.now - interval '3 hours',
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '3 days' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL WHEN g % 37 = 0 THEN s.now - interval '5 minutes'
            ELSE s.now + interval '2 days' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL WHEN g % 41 = 0 THEN s.now - interval '10 minutes'
            ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN g % 97 = 0 THEN s.now - interval '20 minutes' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now + interval '1 day' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL WHEN g % 100 = 0 THEN s.now - interval '1 minute'
            ELSE s.now + interval '18 hours' + (g % 86400) * interval '1 second' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN 3600 ELSE 0 END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now - interval '3 hours' END,
       CASE WHEN s.status = 'PENDING_CUSTOMER' THEN NULL ELSE s.now - interval '3 hours' END,
       s.now - interval '3 hours' - (g % 1000) * interval '1 minute', s.now - interval '3 hours'
     FROM s CROSS JOIN refs
     JOIN "MatrixCell" mc ON mc."versionId" = $9 AND mc.impact = s.impact AND mc.urgency = s.urgency`,
    [now.toISOString(), tickets, agents, f.serviceDesk, f.platformSupport, f.engineeringSupport, f.l2agent, f.l3agent, f.matrixVersionId],
  );
  // Every ticket's CREATED event, so the log holds more than the escalations the view looks for.
  await pool.query(
    `INSERT INTO "TicketEvent" ("ticketId", "type", "toTier", "toGroup", "rule", "reason", "createdAt")
     SELECT t.id, 'CREATED', 'L1', 'service-desk', 'intake.l1', 'Bench ticket.', t."createdAt" FROM "Ticket" t WHERE t.id > $1`,
    [before],
  );
  await pool.query(
    `INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "fromGroup", "toGroup", "rule", "reason", "createdAt")
     SELECT t.id, CASE WHEN t.id % 2 = 0 THEN 'ESCALATED' ELSE 'AUTO_ESCALATED' END::"TicketEventType",
            CASE t.tier WHEN 'L2' THEN 'L1' ELSE 'L2' END::"Tier", t.tier,
            CASE t.tier WHEN 'L2' THEN 'service-desk' ELSE 'platform-support' END,
            CASE t.tier WHEN 'L2' THEN 'platform-support' ELSE 'engineering-support' END,
            'bench', 'Bench escalation.', $1::timestamp(3) - (t.id % 48) * interval '1 hour'
     FROM "Ticket" t WHERE t.id > $2 AND t.tier IN ('L2', 'L3') AND t.id % 20 IN (7, 9)`,
    [now.toISOString(), before],
  );
  await pool.query(`VACUUM ANALYZE`);
}
