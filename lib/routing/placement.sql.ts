import { Prisma } from "@/lib/db/generated/client";
import { NAMED_CANDIDATES } from "./candidates";
import type { GroupData } from "./placement";

/**
 * `placementsInOrder` decided inside the intake statement, from the loads as they are at that instant:
 * no read before the write, so intake is one statement. CTEs for a WITH list:
 *
 * - `ranked`: the best `freeChoices + NAMED_CANDIDATES` of the group's eligible members with their loads,
 *   ranked as `rankCandidates` ranks them, each row with the number of members (`total`): one pass over the
 *   members and a top-N sort, so the rest of the statement handles a handful of rows in a group of 500;
 * - `chosen`: the first of the best `freeChoices` whose row no other intake holds at this instant (so
 *   intakes side by side neither pile onto one agent nor wait for each other), or, if all are held, the
 *   best, after waiting its turn; empty for a pull queue or a group without members;
 * - `placement`: the ASSIGNED event's rule, inputs (`candidateLog`'s bounded form) and reason, exactly as
 *   `placementsInOrder` words them (held to it by tests/integration/placement.sql.test.ts); none for
 *   a pull queue.
 */
export function intakePlacementSql(group: GroupData, freeChoices: number): Prisma.Sql {
  const auto = group.assignmentMode === "AUTO";
  return Prisma.sql`
    ranked AS (
      SELECT top.*, row_number() OVER (ORDER BY top.load, top.last_at NULLS FIRST, top."userId" COLLATE "C") AS rank
      FROM (
        SELECT u."id", u."userId", u."name", u."openLoad" AS load, u."openTickets" AS open_tickets, u."lastAssignedAt" AS last_at,
          count(*) OVER () AS total
        FROM "GroupMembership" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."groupId" = ${group.id} AND ${auto} AND u."active" AND u."role" = 'AGENT'
        ORDER BY u."openLoad", u."lastAssignedAt" NULLS FIRST, u."userId" COLLATE "C"
        LIMIT ${freeChoices + NAMED_CANDIDATES}
      ) top
    ), free AS (
      SELECT r.rank, u."id" FROM (SELECT "id", rank FROM ranked WHERE rank <= ${freeChoices}) r JOIN "User" u ON u."id" = r."id"
      ORDER BY r.rank LIMIT 1
      FOR UPDATE OF u SKIP LOCKED
    ), chosen AS (
      SELECT r.* FROM ranked r WHERE r.rank = COALESCE((SELECT rank FROM free), 1)
    ), placement AS (
      SELECT c."userId" AS assignee,
        CASE WHEN c.rank = 1 THEN 'assign.least-loaded' ELSE 'assign.least-loaded-free' END AS rule,
        jsonb_build_object('group', ${group.slug}::text, 'assignmentMode', ${group.assignmentMode}::text, 'considered', c.total,
          'candidates', (SELECT jsonb_agg(jsonb_build_object('userId', r."userId", 'load', r.load, 'openTickets', r.open_tickets,
             'lastAssignedAt', to_char(r.last_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY r.rank) FROM ranked r WHERE r.rank <= ${NAMED_CANDIDATES}),
          'chosen', jsonb_build_object('userId', c."userId", 'load', c.load, 'rank', c.rank))
          || CASE WHEN c.total <= ${NAMED_CANDIDATES} THEN '{}'::jsonb
                  ELSE jsonb_build_object('others', jsonb_build_object('count', c.total - ${NAMED_CANDIDATES},
                         'lowestLoad', (SELECT r.load FROM ranked r WHERE r.rank = ${NAMED_CANDIDATES + 1}))) END
          || CASE WHEN c.rank = 1 THEN '{}'::jsonb
                  ELSE jsonb_build_object('busy', (SELECT jsonb_agg(r."userId" ORDER BY r.rank) FROM ranked r WHERE r.rank < c.rank)) END AS inputs,
        'Assigned to ' || c."name" || ' in ' || ${group.name}::text || ': least loaded of '
          || (SELECT string_agg(r."userId" || ' (load ' || r.load || ')', ', ' ORDER BY r.rank) FROM ranked r
              WHERE r.rank >= c.rank AND r.rank < c.rank + ${NAMED_CANDIDATES})
          || CASE WHEN c.total - c.rank + 1 > ${NAMED_CANDIDATES} THEN ' and ' || (c.total - c.rank + 1 - ${NAMED_CANDIDATES}) || ' more' ELSE '' END
          || CASE WHEN c.rank = 1 THEN '.'
                  ELSE '; ' || (SELECT string_agg(r."userId", ', ' ORDER BY r.rank) FROM ranked r WHERE r.rank < c.rank)
                       || CASE WHEN c.rank = 2 THEN ' was' ELSE ' were' END || ' being given another ticket at that moment.' END AS reason
      FROM chosen c
      UNION ALL
      SELECT NULL, 'assign.no-eligible-member',
        jsonb_build_object('group', ${group.slug}::text, 'assignmentMode', ${group.assignmentMode}::text, 'considered', 0, 'candidates', '[]'::jsonb),
        'No active agent in ' || ${group.name}::text || ' to assign: it waits in the queue.'
      WHERE ${auto} AND NOT EXISTS (SELECT 1 FROM ranked)
    )`;
}
