// bench:pages' database: a year's history (scripts/bench-history-tickets.ts, bench:dashboard's loader) and the open
// backlog (scripts/bench-open-tickets.ts, bench:load's) side by side, people topped up to the counts asked for, a
// search word in 1 ticket in 1,000, and one busy ticket: 200 events, 20 attachments.
import type pg from "pg";
import { loadTicketHistory } from "../bench-history-tickets";
import { bulkLoad, insertUsers, loadFixtures, type Fixtures } from "../bench-open-tickets";

/** The word queue search looks for: in the title of every ticket whose id is a multiple of 1,000. */
export const RARE_WORD = "thermostat";
/** Bench customer B00001 signs in with the demo customer C1001's PIN (the loader gives every bench customer its hash). */
export const PORTAL_CUSTOMER = { userId: "B00001", pin: "246810" };

export interface PagesData {
  fixtures: Fixtures;
  tickets: number;
  events: number;
  agents: number;
  customers: number;
  /** Tickets whose title holds RARE_WORD. */
  rareWordTickets: number;
  /** The busy ticket: open at L1, PORTAL_CUSTOMER's. */
  busyTicket: string;
  busyEvents: number;
  busyAttachments: number;
  /** An open L1 ticket of the backlog, found by number. */
  searchNumber: string;
}

/**
 * `tickets` in all: `open` from the open backlog's loader (the newest ids), the rest a year of history before them
 * (numbered from INC-2000001); agents and customers topped up to `agents` and `customers` (demo people included).
 */
export async function loadPagesData(pool: pg.Pool, now: Date, counts: { tickets: number; open: number; agents: number; customers: number }): Promise<PagesData> {
  const fixtures = await loadFixtures(pool);
  const people = (await pool.query<{ customers: number; agents: number }>(
    `SELECT count(*) FILTER (WHERE role = 'CUSTOMER')::int AS customers, count(*) FILTER (WHERE role = 'AGENT')::int AS agents FROM "User"`,
  )).rows[0]!;
  const l1Agents = await insertUsers(pool, fixtures, { customers: counts.customers - people.customers, l1Agents: counts.agents - people.agents });
  // The decision log's triggers (staff notifications, webhooks, live updates) write nothing the pages read and
  // took most of the load's time: off while loading, on again before anything is measured.
  await pool.query(`ALTER TABLE "TicketEvent" DISABLE TRIGGER USER`);
  try {
    await loadTicketHistory(pool, now, counts.tickets - counts.open, 2_000_001);
    await bulkLoad(pool, fixtures, l1Agents, now, counts.open);
  } finally {
    await pool.query(`ALTER TABLE "TicketEvent" ENABLE TRIGGER USER`);
  }

  await pool.query(`UPDATE "Ticket" SET "title" = "title" || ' (${RARE_WORD})' WHERE "id" % 1000 = 0`);
  await addBusyTicket(pool, fixtures, now);
  await pool.query(`VACUUM ANALYZE "Ticket", "TicketEvent", "Comment", "Attachment"`);
  return readPagesData(pool);
}

/** What a loaded database holds (also one kept from an earlier run: BENCH_REUSE). */
export async function readPagesData(pool: pg.Pool): Promise<PagesData> {
  const fixtures = await loadFixtures(pool);
  const found = (await pool.query<Omit<PagesData, "fixtures" | "busyEvents" | "busyAttachments"> & { busyId: number }>(
    `SELECT (SELECT count(*)::int FROM "Ticket") AS tickets, (SELECT count(*)::int FROM "TicketEvent") AS events,
            (SELECT count(*)::int FROM "User" WHERE role = 'AGENT') AS agents, (SELECT count(*)::int FROM "User" WHERE role = 'CUSTOMER') AS customers,
            (SELECT count(*)::int FROM "Ticket" WHERE "title" LIKE '%(${RARE_WORD})') AS "rareWordTickets",
            (SELECT "number" FROM "Ticket" WHERE "tier" = 'L1' AND "status" = 'NEW' AND "id" % 1000 <> 0 ORDER BY "id" DESC LIMIT 1) AS "searchNumber",
            (SELECT min("ticketId") FROM "Attachment" WHERE "storageKey" LIKE 'bench/%') AS "busyId"`,
  )).rows[0]!;
  const busy = (await pool.query<{ number: string; events: number; attachments: number }>(
    `SELECT (SELECT "number" FROM "Ticket" WHERE "id" = $1), (SELECT count(*)::int FROM "TicketEvent" WHERE "ticketId" = $1) AS events,
            (SELECT count(*)::int FROM "Attachment" WHERE "ticketId" = $1) AS attachments`,
    [found.busyId],
  )).rows[0]!;
  return { fixtures, tickets: found.tickets, events: found.events, agents: found.agents, customers: found.customers, rareWordTickets: found.rareWordTickets, searchNumber: found.searchNumber, busyTicket: busy.number, busyEvents: busy.events, busyAttachments: busy.attachments };
}

/**
 * PORTAL_CUSTOMER's newest open L1 ticket becomes a busy one: 80 comments (a quarter internal notes), each with its
 * COMMENTED event, 60 status changes, 59 assignments with a candidate log, 20 attachments on public replies, so
 * the ticket holds 200 events with its CREATED one.
 */
async function addBusyTicket(pool: pg.Pool, f: Fixtures, now: Date): Promise<void> {
  const ticket = (await pool.query<{ id: number; number: string; customerId: string }>(
    `SELECT t."id", t."number", t."customerId" FROM "Ticket" t JOIN "User" u ON u."id" = t."customerId"
     WHERE u."userId" = $1 AND t."tier" = 'L1' AND t."status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS') ORDER BY t."id" DESC LIMIT 1`,
    [PORTAL_CUSTOMER.userId],
  )).rows[0];
  if (!ticket) throw new Error(`${PORTAL_CUSTOMER.userId} has no open L1 ticket.`);
  const start = new Date(now.getTime() - 200 * 600_000).toISOString();
  const values = [ticket.id, ticket.customerId, f.l1agent, start];
  await pool.query(
    `WITH c AS (
       INSERT INTO "Comment" ("ticketId", "authorId", "visibility", "body", "createdAt")
       SELECT $1, CASE WHEN g % 2 = 0 THEN $2 ELSE $3 END, CASE WHEN g % 4 = 3 THEN 'INTERNAL' ELSE 'PUBLIC' END::"CommentVisibility",
              'Reply ' || g || E': what was tried, what happened, and what comes next.\n\n- a step\n- another step', $4::timestamp(3) + g * interval '10 minutes'
       FROM generate_series(1, 80) AS g
       RETURNING "id", "authorId", "visibility", "createdAt"
     ), a AS (
       INSERT INTO "Attachment" ("id", "ticketId", "commentId", "uploaderId", "fileName", "contentType", "size", "storageKey", "sha256", "createdAt")
       SELECT gen_random_uuid()::text, $1, c."id", c."authorId", 'screenshot-' || c."id" || '.png', 'image/png', 48000 + c."id" % 1000, 'bench/' || gen_random_uuid(), repeat('0', 64), c."createdAt"
       FROM c WHERE c."visibility" = 'PUBLIC' ORDER BY c."id" LIMIT 20
     )
     INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
     SELECT $1, 'COMMENTED', c."authorId", 'L1', 'L1', 'comment', jsonb_build_object('commentId', c."id", 'visibility', c."visibility"), 'Commented.', c."createdAt" FROM c`,
    values,
  );
  await pool.query(
    `INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "toAssignee", "rule", "inputs", "reason", "createdAt")
     SELECT $1, CASE WHEN g <= 60 THEN 'STATUS_CHANGED' ELSE 'ASSIGNED' END::"TicketEventType", CASE WHEN g <= 60 THEN $2 END, 'L1', 'L1',
            CASE WHEN g > 60 THEN $2 END, CASE WHEN g <= 60 THEN 'status.manual' ELSE 'assign.least-loaded' END,
            CASE WHEN g <= 60 THEN jsonb_build_object('from', 'IN_PROGRESS', 'to', 'PENDING_CUSTOMER')
                 ELSE jsonb_build_object('chosen', $2::text, 'candidates', (SELECT jsonb_agg(jsonb_build_object('userId', 'bench-l1-' || k, 'load', k % 7)) FROM generate_series(1, 5) AS k), 'more', 45) END,
            CASE WHEN g <= 60 THEN 'Waiting on the customer.' ELSE 'Least-loaded member of service-desk (load 2); and 45 more, lowest load 3.' END,
            $3::timestamp(3) + g * interval '10 minutes' + interval '5 minutes'
     FROM generate_series(1, 119) AS g`,
    [ticket.id, f.l1agent, start],
  );
}
