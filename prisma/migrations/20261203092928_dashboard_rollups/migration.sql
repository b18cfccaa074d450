-- CreateEnum
CREATE TYPE "DashboardScope" AS ENUM ('ALL', 'PRIORITY', 'CATEGORY', 'ORGANIZATION', 'CELL');

-- CreateEnum
CREATE TYPE "DashboardDuration" AS ENUM ('L1', 'L2', 'L3', 'L4', 'RESOLVE');

-- CreateTable
CREATE TABLE "DashboardCohortDay" (
    "day" DATE NOT NULL,
    "priority" "Priority" NOT NULL,
    "categoryId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "channel" "TicketChannel" NOT NULL,
    "opened" INTEGER NOT NULL,
    "resolvedAtL1" INTEGER NOT NULL,
    "firstContactResolved" INTEGER NOT NULL,
    "escalatedL1L2" INTEGER NOT NULL,
    "escalatedL2L3" INTEGER NOT NULL,
    "escalatedL3L4" INTEGER NOT NULL,
    "returned" INTEGER NOT NULL,
    "reopened" INTEGER NOT NULL,
    "resolved" INTEGER NOT NULL,
    "firstResponseMet" INTEGER NOT NULL,
    "firstResponseBreached" INTEGER NOT NULL,
    "resolutionMet" INTEGER NOT NULL,
    "resolutionBreached" INTEGER NOT NULL,
    "updateLate" INTEGER NOT NULL,
    "sopComplete" INTEGER NOT NULL,
    "sopOverride" INTEGER NOT NULL,
    "l1Seconds" BIGINT NOT NULL,
    "l2Seconds" BIGINT NOT NULL,
    "l3Seconds" BIGINT NOT NULL,
    "l4Seconds" BIGINT NOT NULL,
    "resolvedTimed" INTEGER NOT NULL,
    "resolveMs" BIGINT NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "DashboardDurationDay" (
    "scope" "DashboardScope" NOT NULL,
    "day" DATE NOT NULL,
    "priority" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "measures" "DashboardDuration"[],
    "buckets" SMALLINT[],
    "counts" INTEGER[],
    "folded" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "DashboardEventDay" (
    "day" DATE NOT NULL,
    "priority" "Priority" NOT NULL,
    "categoryId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "toGroup" TEXT NOT NULL,
    "previousAt" TIMESTAMP(3) NOT NULL,
    "escalatedL1L2" INTEGER NOT NULL,
    "escalatedL2L3" INTEGER NOT NULL,
    "escalatedL3L4" INTEGER NOT NULL,
    "escalations" INTEGER NOT NULL,
    "resolutionBreached" INTEGER NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "DashboardResolvedDay" (
    "day" DATE NOT NULL,
    "groupId" TEXT NOT NULL,
    "priority" "Priority" NOT NULL,
    "categoryId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "resolved" INTEGER NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "DashboardCohortDay_day_idx" ON "DashboardCohortDay"("day");

-- CreateIndex
CREATE INDEX "DashboardDurationDay_scope_day_idx" ON "DashboardDurationDay"("scope", "day");

-- CreateIndex
CREATE INDEX "DashboardEventDay_day_idx" ON "DashboardEventDay"("day");

-- CreateIndex
CREATE INDEX "DashboardResolvedDay_day_idx" ON "DashboardResolvedDay"("day");

-- ---- Written by hand (functions, triggers and partial indexes are not diffed) ----------------------------
--
-- The rollups hold SETTLED tickets only: resolved or closed, with no clock running and no first response
-- pending. None of their figures depends on the time of reading, so they can be summed ahead. A ticket
-- that is not settled ("live": open, or a clock still running) is read from "Ticket" at read time, through
-- the partial index below, and so are the partial UTC days at either end of a rolling period. The
-- definitions below are the SQL of lib/metrics/conditions.ts (the drill-down's and the recount's);
-- tests/integration/dashboard-rollups.test.ts checks both against each other after a random history.
--
-- Triggers add rows of differences (never update one), in the same transaction as the write: writers never
-- wait on each other or deadlock over a day's row, and the rollups are exact at every commit. Readers sum a
-- key's rows; "dashboard_rollups_fold" (the "rollups" job, every minute) folds them into one.

-- The rows of differences not folded yet, for the fold.
CREATE INDEX "DashboardCohortDay_unfolded_idx" ON "DashboardCohortDay" ("day") WHERE NOT "folded";
CREATE INDEX "DashboardDurationDay_unfolded_idx" ON "DashboardDurationDay" ("day") WHERE NOT "folded";
CREATE INDEX "DashboardEventDay_unfolded_idx" ON "DashboardEventDay" ("day") WHERE NOT "folded";
CREATE INDEX "DashboardResolvedDay_unfolded_idx" ON "DashboardResolvedDay" ("day") WHERE NOT "folded";

-- The live tickets, by creation time. lib/metrics/rollup-sql.ts (LIVE_TICKET) repeats this predicate
-- word for word, so the planner can use the index.
CREATE INDEX "Ticket_dashboard_live_idx" ON "Ticket" ("createdAt")
  WHERE ("status" NOT IN ('RESOLVED', 'CLOSED') OR "tierClockSince" IS NOT NULL OR "vendorClockSince" IS NOT NULL
    OR ("firstRespondedAt" IS NULL AND "firstResponseDueAt" IS NOT NULL));

CREATE FUNCTION "dashboard_ticket_settled"(t "Ticket") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT t."status" IN ('RESOLVED', 'CLOSED') AND t."tierClockSince" IS NULL AND t."vendorClockSince" IS NULL
    AND (t."firstRespondedAt" IS NOT NULL OR t."firstResponseDueAt" IS NULL)
$$;

-- What one decision-log event says about its ticket, as bits (EVENT_FLAGS in lib/metrics/conditions.ts):
-- 1 escalated L1→L2, 2 L2→L3, 4 L3→L4, 8 returned, 16 reopened, 32 customer update late, 64 L1→L2 with
-- required SOP steps open, 128 SOP override, 256 resolution target breached (the sweep's alert).
CREATE FUNCTION "dashboard_event_flags"("type" "TicketEventType", "fromTier" "Tier", "toTier" "Tier", "rule" text, "inputs" jsonb)
  RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN "type" IN ('ESCALATED', 'AUTO_ESCALATED') THEN
      CASE WHEN "fromTier" = 'L1' AND "toTier" = 'L2'
             THEN 1 | CASE WHEN jsonb_array_length(COALESCE("inputs"->'openRequiredSteps', '[]'::jsonb)) > 0 THEN 64 ELSE 0 END
           WHEN "fromTier" = 'L2' AND "toTier" = 'L3' THEN 2
           WHEN "fromTier" = 'L3' AND "toTier" = 'L4' THEN 4
           ELSE 0 END
      | CASE WHEN "type" = 'ESCALATED' AND "rule" = 'escalate.sop-override' THEN 128 ELSE 0 END
    WHEN "type" = 'RETURNED' THEN 8
    WHEN "type" = 'STATUS_CHANGED' AND "inputs"->>'from' = 'RESOLVED' AND "inputs"->>'to' NOT IN ('RESOLVED', 'CLOSED') THEN 16
    WHEN "type" = 'ALERT' AND "rule" = 'sla.customer-update' THEN 32
    WHEN "type" = 'ALERT' AND "rule" = 'sla.resolution-100' THEN 256
    ELSE 0 END
$$;

-- One ticket's part in the period figures (periodCondition in lib/metrics/conditions.ts), given its events'
-- flags: 0 or 1 per count, and its durations in seconds (null where the ticket does not count: L2 unless
-- it was escalated to L2, and so on). "now" only matters while a clock runs: never for a settled ticket.
-- One row (SETOF, so that the planner inlines it into the query that reads it).
CREATE TYPE "dashboard_ticket_fact" AS (
  "opened" integer, "resolvedAtL1" integer, "firstContactResolved" integer, "escalatedL1L2" integer, "escalatedL2L3" integer,
  "escalatedL3L4" integer, "returned" integer, "reopened" integer, "resolved" integer, "firstResponseMet" integer,
  "firstResponseBreached" integer, "resolutionMet" integer, "resolutionBreached" integer, "updateLate" integer,
  "sopComplete" integer, "sopOverride" integer,
  "l1Seconds" numeric, "l2Seconds" numeric, "l3Seconds" numeric, "l4Seconds" numeric, "resolveSeconds" numeric
);

CREATE FUNCTION "dashboard_ticket_fact"(t "Ticket", flags integer, now timestamp(3)) RETURNS SETOF "dashboard_ticket_fact"
  LANGUAGE sql STABLE AS $$
  SELECT
    1,
    COALESCE(t."status" IN ('RESOLVED', 'CLOSED') AND t."resolvedAt" IS NOT NULL AND t."tier" = 'L1', FALSE)::int,
    COALESCE(t."status" IN ('RESOLVED', 'CLOSED') AND t."resolvedAt" IS NOT NULL AND t."tier" = 'L1' AND flags & 1 = 0 AND flags & 16 = 0, FALSE)::int,
    (flags & 1 <> 0)::int,
    (flags & 2 <> 0)::int,
    (flags & 4 <> 0)::int,
    (flags & 8 <> 0)::int,
    (flags & 16 <> 0)::int,
    (t."resolvedAt" IS NOT NULL OR flags & 16 <> 0)::int,
    COALESCE(t."firstResponseMet" = TRUE, FALSE)::int,
    COALESCE(t."firstResponseMet" = FALSE OR (t."firstRespondedAt" IS NULL AND t."firstResponseDueAt" <= now), FALSE)::int,
    COALESCE(t."resolutionMet" = TRUE, FALSE)::int,
    COALESCE(t."resolutionMet" = FALSE OR (t."resolvedAt" IS NULL AND t."status" NOT IN ('RESOLVED', 'CLOSED')
      AND (t."slaAlertLevel" >= 100 OR t."resolutionDueAt" <= now)), FALSE)::int,
    (flags & 32 <> 0)::int,
    (flags & 1 <> 0 AND flags & 64 = 0)::int,
    (flags & 128 <> 0)::int,
    t."l1SecondsUsed" + CASE WHEN t."tier" = 'L1' AND t."tierClockSince" IS NOT NULL THEN EXTRACT(EPOCH FROM now - t."tierClockSince") ELSE 0 END,
    CASE WHEN flags & 1 <> 0 THEN t."l2SecondsUsed"
      + CASE WHEN t."tier" = 'L2' AND t."tierClockSince" IS NOT NULL THEN EXTRACT(EPOCH FROM now - t."tierClockSince") ELSE 0 END END,
    CASE WHEN flags & 2 <> 0 THEN t."l3SecondsUsed"
      + CASE WHEN t."tier" = 'L3' AND t."tierClockSince" IS NOT NULL THEN EXTRACT(EPOCH FROM now - t."tierClockSince") ELSE 0 END END,
    CASE WHEN flags & 4 <> 0 THEN t."vendorSecondsUsed" + COALESCE(EXTRACT(EPOCH FROM now - t."vendorClockSince"), 0) END,
    EXTRACT(EPOCH FROM t."resolvedAt" - t."createdAt")
$$;

-- A duration's histogram bucket: 0 for 0 s; above, buckets 2 % wide (bucket b holds [1.02^(b-2000),
-- 1.02^(b-2000+1)) seconds), so the bucket's geometric middle is within 1 % of every value in it; below
-- zero (a clock read before it started) the same, mirrored. lib/metrics/histogram.ts reads them.
CREATE FUNCTION "dashboard_duration_bucket"(seconds numeric) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE WHEN seconds = 0 THEN 0
    WHEN seconds > 0 THEN 2000 + floor(ln(seconds::float8) / ln(1.02::float8))
    ELSE -2000 - floor(ln(-seconds::float8) / ln(1.02::float8)) END)::smallint
$$;

-- Takes the tickets `removed` (as they were) out of the rollups and puts the tickets `added` (as they are)
-- in, each with its decision log: the events `excluded` do not count for the removed side (an insert
-- trigger's new events), and with `own_statement_apart` the events written by the same statement as the
-- ticket's current row count for neither side (the events' trigger adds those), so a statement that both
-- changes a ticket and logs events for it is counted once whichever trigger fires first. It adds one row
-- of differences per key touched; contributions that cancel out add nothing.
CREATE FUNCTION "dashboard_rollups_apply"(removed "Ticket"[], added "Ticket"[], excluded integer[], own_statement_apart boolean)
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT -1 AS sign, r AS t FROM unnest(removed) AS r
    UNION ALL
    SELECT 1, a FROM unnest(added) AS a
  ), written AS (
    SELECT c.sign, c.t, cur.xmin AS by_xact, cur.cmin AS by_command
    FROM changed c LEFT JOIN "Ticket" cur ON own_statement_apart AND cur."id" = (c.t)."id"
  ), events AS (
    SELECT w.sign, (w.t)."id" AS ticket, e."id", e."type", e."toGroup", e."createdAt",
      "dashboard_event_flags"(e."type", e."fromTier", e."toTier", e."rule", e."inputs") AS flag
    FROM written w JOIN "TicketEvent" e ON e."ticketId" = (w.t)."id"
    WHERE e."type" IN ('ESCALATED', 'AUTO_ESCALATED', 'RETURNED', 'STATUS_CHANGED', 'ALERT')
      AND NOT (w.sign = -1 AND e."id" = ANY (excluded))
      AND NOT (w.by_xact IS NOT NULL AND e.xmin = w.by_xact AND e.cmin = w.by_command)
  ), flags AS (
    SELECT sign, ticket, bit_or(flag) AS flags FROM events GROUP BY sign, ticket
  ), facts AS (
    SELECT c.sign, (c.t)."id" AS ticket, (c.t)."createdAt"::date AS day, (c.t)."priority" AS priority, (c.t)."categoryId" AS category,
      COALESCE((c.t)."organizationId", '') AS org, (c.t)."channel" AS channel, (c.t)."groupId" AS "group", (c.t)."resolvedAt"::date AS resolved_day,
      x
    FROM changed c LEFT JOIN flags f ON f.sign = c.sign AND f.ticket = (c.t)."id"
    CROSS JOIN LATERAL "dashboard_ticket_fact"(c.t, COALESCE(f.flags, 0), NULL) AS x
  ), cohort AS (
    SELECT day, priority, category, org, channel, x, sum(sign) AS n
    FROM facts GROUP BY day, priority, category, org, channel, x HAVING sum(sign) <> 0
  ), cohort_rows AS (
    INSERT INTO "DashboardCohortDay" ("day", "priority", "categoryId", "organizationId", "channel", "opened", "resolvedAtL1",
      "firstContactResolved", "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "returned", "reopened", "resolved", "firstResponseMet",
      "firstResponseBreached", "resolutionMet", "resolutionBreached", "updateLate", "sopComplete", "sopOverride",
      "l1Seconds", "l2Seconds", "l3Seconds", "l4Seconds", "resolvedTimed", "resolveMs")
    SELECT day, priority, category, org, channel, sum(n * (x)."opened"), sum(n * (x)."resolvedAtL1"),
      sum(n * (x)."firstContactResolved"), sum(n * (x)."escalatedL1L2"), sum(n * (x)."escalatedL2L3"), sum(n * (x)."escalatedL3L4"),
      sum(n * (x)."returned"), sum(n * (x)."reopened"), sum(n * (x)."resolved"), sum(n * (x)."firstResponseMet"),
      sum(n * (x)."firstResponseBreached"), sum(n * (x)."resolutionMet"), sum(n * (x)."resolutionBreached"), sum(n * (x)."updateLate"),
      sum(n * (x)."sopComplete"), sum(n * (x)."sopOverride"),
      COALESCE(sum(n * (x)."l1Seconds"), 0), COALESCE(sum(n * (x)."l2Seconds"), 0), COALESCE(sum(n * (x)."l3Seconds"), 0),
      COALESCE(sum(n * (x)."l4Seconds"), 0), sum(n * ((x)."resolveSeconds" IS NOT NULL)::int), COALESCE(sum(n * (x)."resolveSeconds" * 1000), 0)
    FROM cohort GROUP BY day, priority, category, org, channel
  ), durations AS (
    SELECT s.scope, f.day, s.p, s.c, s.o, m.measure, "dashboard_duration_bucket"(m.seconds) AS bucket, sum(f.sign)::integer AS n
    FROM facts f
    CROSS JOIN LATERAL (VALUES ('L1'::"DashboardDuration", (f.x)."l1Seconds"), ('L2', (f.x)."l2Seconds"), ('L3', (f.x)."l3Seconds"),
      ('L4', (f.x)."l4Seconds"), ('RESOLVE', (f.x)."resolveSeconds")) AS m(measure, seconds)
    CROSS JOIN LATERAL (VALUES ('ALL'::"DashboardScope", '', '', ''), ('PRIORITY', f.priority::text, '', ''), ('CATEGORY', '', f.category, ''),
      ('ORGANIZATION', '', '', f.org), ('CELL', f.priority::text, f.category, f.org)) AS s(scope, p, c, o)
    WHERE m.seconds IS NOT NULL AND NOT (s.scope = 'ORGANIZATION' AND f.org = '')
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(f.sign) <> 0
  ), duration_rows AS (
    INSERT INTO "DashboardDurationDay" ("scope", "day", "priority", "categoryId", "organizationId", "measures", "buckets", "counts")
    SELECT scope, day, p, c, o, array_agg(measure ORDER BY measure, bucket), array_agg(bucket ORDER BY measure, bucket), array_agg(n ORDER BY measure, bucket)
    FROM durations GROUP BY scope, day, p, c, o
  ), moves AS (
    -- Each escalation with the time the same ticket was last escalated to the same group before it.
    SELECT sign, ticket, "createdAt", flag, 1 AS escalation, COALESCE("toGroup", '') AS to_group,
      lag("createdAt") OVER (PARTITION BY sign, ticket, "toGroup" ORDER BY "createdAt", "id") AS previous
    FROM events WHERE "type" IN ('ESCALATED', 'AUTO_ESCALATED')
    UNION ALL
    SELECT sign, ticket, "createdAt", flag, 0, '', NULL FROM events WHERE flag & 256 <> 0
  ), move_rows AS (
    INSERT INTO "DashboardEventDay" ("day", "priority", "categoryId", "organizationId", "toGroup", "previousAt",
      "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "escalations", "resolutionBreached")
    SELECT m."createdAt"::date, f.priority, f.category, f.org, m.to_group, COALESCE(m.previous, '-infinity'),
      sum(m.sign * (m.flag & 1 <> 0)::int), sum(m.sign * (m.flag & 2 <> 0)::int), sum(m.sign * (m.flag & 4 <> 0)::int),
      sum(m.sign * m.escalation), sum(m.sign * (m.flag & 256 <> 0)::int)
    FROM moves m JOIN facts f ON f.sign = m.sign AND f.ticket = m.ticket
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(m.sign * (m.flag & 1 <> 0)::int) <> 0 OR sum(m.sign * (m.flag & 2 <> 0)::int) <> 0 OR sum(m.sign * (m.flag & 4 <> 0)::int) <> 0
      OR sum(m.sign * m.escalation) <> 0 OR sum(m.sign * (m.flag & 256 <> 0)::int) <> 0
  )
  INSERT INTO "DashboardResolvedDay" ("day", "groupId", "priority", "categoryId", "organizationId", "resolved")
  SELECT resolved_day, "group", priority, category, org, sum(sign) FROM facts WHERE resolved_day IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0;
END
$$;
-- Ticket writes: the settled tickets a statement touched, before and after, when something the figures
-- read changed (RESOLVED → CLOSED, a new assignee or a due time of a settled ticket change nothing).
CREATE FUNCTION "ticket_dashboard_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  removed "Ticket"[];
  added "Ticket"[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n) INTO added FROM new_rows n WHERE "dashboard_ticket_settled"(n);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o) INTO removed FROM old_rows o WHERE "dashboard_ticket_settled"(o);
  ELSE
    SELECT array_agg(o) FILTER (WHERE "dashboard_ticket_settled"(o)), array_agg(n) FILTER (WHERE "dashboard_ticket_settled"(n))
      INTO removed, added
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE ("dashboard_ticket_settled"(o) OR "dashboard_ticket_settled"(n))
      AND (o."createdAt", o."priority", o."categoryId", o."organizationId", o."channel", o."groupId", o."tier",
           o."status" IN ('RESOLVED', 'CLOSED'), o."resolvedAt", o."firstRespondedAt", o."firstResponseDueAt", o."firstResponseMet",
           o."resolutionDueAt", o."resolutionMet", o."slaAlertLevel", o."l1SecondsUsed", o."l2SecondsUsed", o."l3SecondsUsed",
           o."tierClockSince", o."vendorSecondsUsed", o."vendorClockSince")
        IS DISTINCT FROM
          (n."createdAt", n."priority", n."categoryId", n."organizationId", n."channel", n."groupId", n."tier",
           n."status" IN ('RESOLVED', 'CLOSED'), n."resolvedAt", n."firstRespondedAt", n."firstResponseDueAt", n."firstResponseMet",
           n."resolutionDueAt", n."resolutionMet", n."slaAlertLevel", n."l1SecondsUsed", n."l2SecondsUsed", n."l3SecondsUsed",
           n."tierClockSince", n."vendorSecondsUsed", n."vendorClockSince");
  END IF;
  IF removed IS NOT NULL OR added IS NOT NULL THEN
    PERFORM "dashboard_rollups_apply"(COALESCE(removed, '{}'), COALESCE(added, '{}'), '{}', TG_OP <> 'DELETE');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Ticket_dashboard_rollups_insert" AFTER INSERT ON "Ticket"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ticket_dashboard_rollups"();
CREATE TRIGGER "Ticket_dashboard_rollups_update" AFTER UPDATE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ticket_dashboard_rollups"();
CREATE TRIGGER "Ticket_dashboard_rollups_delete" AFTER DELETE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ticket_dashboard_rollups"();

-- Decision-log writes: an event that counts (a tier move, a return, a reopen, a late update, a breach) on a
-- settled ticket. Events on live tickets wait until the ticket settles; most events count for nothing.
-- (Events are never updated or deleted: "TicketEvent_append_only" refuses.)
CREATE FUNCTION "ticket_event_dashboard_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted integer[];
  tickets "Ticket"[];
BEGIN
  SELECT array_agg(e."id") INTO counted FROM new_events e
  WHERE e."type" IN ('ESCALATED', 'AUTO_ESCALATED') OR "dashboard_event_flags"(e."type", e."fromTier", e."toTier", e."rule", e."inputs") <> 0;
  IF counted IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(t) INTO tickets FROM "Ticket" t
  WHERE t."id" IN (SELECT e."ticketId" FROM new_events e WHERE e."id" = ANY (counted)) AND "dashboard_ticket_settled"(t);
  IF tickets IS NOT NULL THEN
    PERFORM "dashboard_rollups_apply"(tickets, tickets, counted, FALSE);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "TicketEvent_dashboard_rollups" AFTER INSERT ON "TicketEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "ticket_event_dashboard_rollups"();

-- Folds each key's rows into one, for the keys that have rows of differences; returns how many rows it
-- removed. One fold at a time (another instance's call returns 0); writers go on adding rows meanwhile,
-- which the next fold takes (it only removes the rows it read).
CREATE FUNCTION "dashboard_rollups_fold"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  removed integer := 0;
  rows_gone integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('dashboard_rollups_fold')) THEN
    RETURN 0;
  END IF;
  WITH keys AS (
    SELECT DISTINCT "day", "priority", "categoryId", "organizationId", "channel" FROM "DashboardCohortDay" WHERE NOT "folded"
  ), gone AS (
    DELETE FROM "DashboardCohortDay" r USING keys k
    WHERE (r."day", r."priority", r."categoryId", r."organizationId", r."channel") = (k."day", k."priority", k."categoryId", k."organizationId", k."channel")
    RETURNING r.*
  ), kept AS (
    INSERT INTO "DashboardCohortDay" ("day", "priority", "categoryId", "organizationId", "channel", "opened", "resolvedAtL1",
      "firstContactResolved", "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "returned", "reopened", "resolved", "firstResponseMet",
      "firstResponseBreached", "resolutionMet", "resolutionBreached", "updateLate", "sopComplete", "sopOverride",
      "l1Seconds", "l2Seconds", "l3Seconds", "l4Seconds", "resolvedTimed", "resolveMs", "folded")
    SELECT "day", "priority", "categoryId", "organizationId", "channel", sum("opened"), sum("resolvedAtL1"),
      sum("firstContactResolved"), sum("escalatedL1L2"), sum("escalatedL2L3"), sum("escalatedL3L4"), sum("returned"), sum("reopened"),
      sum("resolved"), sum("firstResponseMet"), sum("firstResponseBreached"), sum("resolutionMet"), sum("resolutionBreached"),
      sum("updateLate"), sum("sopComplete"), sum("sopOverride"), sum("l1Seconds"), sum("l2Seconds"), sum("l3Seconds"), sum("l4Seconds"),
      sum("resolvedTimed"), sum("resolveMs"), TRUE
    FROM gone GROUP BY "day", "priority", "categoryId", "organizationId", "channel"
    -- A ticket counts 1 in "opened" wherever it counts at all: a key it left for good sums to nothing.
    HAVING sum("opened") <> 0
  )
  SELECT count(*) INTO rows_gone FROM gone;
  removed := removed + rows_gone;

  WITH keys AS (
    SELECT DISTINCT "scope", "day", "priority", "categoryId", "organizationId" FROM "DashboardDurationDay" WHERE NOT "folded"
  ), gone AS (
    DELETE FROM "DashboardDurationDay" r USING keys k
    WHERE (r."scope", r."day", r."priority", r."categoryId", r."organizationId") = (k."scope", k."day", k."priority", k."categoryId", k."organizationId")
    RETURNING r.*
  ), buckets AS (
    SELECT g."scope", g."day", g."priority", g."categoryId", g."organizationId", u.measure, u.bucket, sum(u.n)::integer AS n
    FROM gone g CROSS JOIN LATERAL unnest(g."measures", g."buckets", g."counts") AS u(measure, bucket, n)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(u.n) <> 0
  ), kept AS (
    INSERT INTO "DashboardDurationDay" ("scope", "day", "priority", "categoryId", "organizationId", "measures", "buckets", "counts", "folded")
    SELECT "scope", "day", "priority", "categoryId", "organizationId",
      array_agg(measure ORDER BY measure, bucket), array_agg(bucket ORDER BY measure, bucket), array_agg(n ORDER BY measure, bucket), TRUE
    FROM buckets GROUP BY 1, 2, 3, 4, 5
  )
  SELECT count(*) INTO rows_gone FROM gone;
  removed := removed + rows_gone;

  WITH keys AS (
    SELECT DISTINCT "day", "priority", "categoryId", "organizationId", "toGroup", "previousAt" FROM "DashboardEventDay" WHERE NOT "folded"
  ), gone AS (
    DELETE FROM "DashboardEventDay" r USING keys k
    WHERE (r."day", r."priority", r."categoryId", r."organizationId", r."toGroup", r."previousAt")
      = (k."day", k."priority", k."categoryId", k."organizationId", k."toGroup", k."previousAt")
    RETURNING r.*
  ), kept AS (
    INSERT INTO "DashboardEventDay" ("day", "priority", "categoryId", "organizationId", "toGroup", "previousAt",
      "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "escalations", "resolutionBreached", "folded")
    SELECT "day", "priority", "categoryId", "organizationId", "toGroup", "previousAt",
      sum("escalatedL1L2"), sum("escalatedL2L3"), sum("escalatedL3L4"), sum("escalations"), sum("resolutionBreached"), TRUE
    FROM gone GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum("escalatedL1L2") <> 0 OR sum("escalatedL2L3") <> 0 OR sum("escalatedL3L4") <> 0 OR sum("escalations") <> 0 OR sum("resolutionBreached") <> 0
  )
  SELECT count(*) INTO rows_gone FROM gone;
  removed := removed + rows_gone;

  WITH keys AS (
    SELECT DISTINCT "day", "groupId", "priority", "categoryId", "organizationId" FROM "DashboardResolvedDay" WHERE NOT "folded"
  ), gone AS (
    DELETE FROM "DashboardResolvedDay" r USING keys k
    WHERE (r."day", r."groupId", r."priority", r."categoryId", r."organizationId") = (k."day", k."groupId", k."priority", k."categoryId", k."organizationId")
    RETURNING r.*
  ), kept AS (
    INSERT INTO "DashboardResolvedDay" ("day", "groupId", "priority", "categoryId", "organizationId", "resolved", "folded")
    SELECT "day", "groupId", "priority", "categoryId", "organizationId", sum("resolved"), TRUE
    FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum("resolved") <> 0
  )
  SELECT count(*) INTO rows_gone FROM gone;
  RETURN removed + rows_gone;
END
$$;

-- Builds the rollups afresh from the tickets and their decision logs, set-based, 20,000 settled tickets a
-- statement, each batch folded; writers wait meanwhile. The migration runs it once for the tickets that
-- exist; run it again (SELECT "dashboard_rollups_rebuild"()) if a definition above ever changes.
CREATE FUNCTION "dashboard_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  batch "Ticket"[];
  after_id integer := 0;
BEGIN
  LOCK TABLE "Ticket", "TicketEvent" IN SHARE MODE;
  TRUNCATE "DashboardCohortDay", "DashboardDurationDay", "DashboardEventDay", "DashboardResolvedDay";
  LOOP
    SELECT array_agg(s.t ORDER BY (s.t)."id") INTO batch
    FROM (SELECT t FROM "Ticket" t WHERE t."id" > after_id AND "dashboard_ticket_settled"(t) ORDER BY t."id" LIMIT 20000) AS s(t);
    EXIT WHEN batch IS NULL;
    PERFORM "dashboard_rollups_apply"('{}', batch, '{}', FALSE);
    PERFORM "dashboard_rollups_fold"();
    after_id := (batch[array_length(batch, 1)])."id";
  END LOOP;
END
$$;

SELECT "dashboard_rollups_rebuild"();
