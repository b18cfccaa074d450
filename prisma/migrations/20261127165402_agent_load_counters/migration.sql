-- AlterTable
ALTER TABLE "User" ADD COLUMN     "openLoad" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openTickets" INTEGER NOT NULL DEFAULT 0;

-- Agent load counters and last-assigned times (written by hand: functions and triggers are not diffed).
-- Statement-level triggers over the transition tables: one aggregate per statement, so the SLA sweep's
-- batch update touches each agent's row once, not once per ticket. The weights are PRIORITY_WEIGHT in
-- lib/routing/candidates.ts; an integration test checks the counters against a fresh count. A ticket
-- that gets a new assignee stamps the agent's "lastAssignedAt" with the ticket's "updatedAt" (the
-- service's clock), so no write path has to remember to.
CREATE FUNCTION "ticket_open_load_weight"(priority "Priority", status "TicketStatus") RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 0 ELSE 6 - substr(priority::text, 2)::integer END
$$;

CREATE FUNCTION "ticket_agent_load"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (
      SELECT "assigneeId" AS id, sum("ticket_open_load_weight"("priority", "status")) AS load,
             count(*) FILTER (WHERE "status" NOT IN ('RESOLVED', 'CLOSED')) AS open, max("updatedAt") AS assigned_at
      FROM new_rows WHERE "assigneeId" IS NOT NULL GROUP BY "assigneeId"
    )
    UPDATE "User" u SET "openLoad" = u."openLoad" + d.load, "openTickets" = u."openTickets" + d.open,
      "lastAssignedAt" = GREATEST(u."lastAssignedAt", d.assigned_at)
    FROM delta d WHERE u."id" = d.id;
  ELSE
    WITH changes AS (
      SELECT n."assigneeId" AS id, "ticket_open_load_weight"(n."priority", n."status") AS load,
             CASE WHEN n."status" IN ('RESOLVED', 'CLOSED') THEN 0 ELSE 1 END AS open,
             CASE WHEN n."assigneeId" IS DISTINCT FROM o."assigneeId" THEN n."updatedAt" END AS assigned_at
      FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."assigneeId" IS NOT NULL
      UNION ALL
      SELECT "assigneeId", -"ticket_open_load_weight"("priority", "status"),
             CASE WHEN "status" IN ('RESOLVED', 'CLOSED') THEN 0 ELSE -1 END, NULL
      FROM old_rows WHERE "assigneeId" IS NOT NULL
    ), delta AS (
      SELECT id, sum(load) AS load, sum(open) AS open, max(assigned_at) AS assigned_at FROM changes GROUP BY id
    )
    UPDATE "User" u SET "openLoad" = u."openLoad" + d.load, "openTickets" = u."openTickets" + d.open,
      "lastAssignedAt" = COALESCE(GREATEST(u."lastAssignedAt", d.assigned_at), u."lastAssignedAt")
    FROM delta d WHERE u."id" = d.id AND (d.load <> 0 OR d.open <> 0 OR d.assigned_at IS NOT NULL);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Ticket_agent_load_insert" AFTER INSERT ON "Ticket"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ticket_agent_load"();
CREATE TRIGGER "Ticket_agent_load_update" AFTER UPDATE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ticket_agent_load"();

-- Tickets that exist already.
UPDATE "User" u SET "openLoad" = s.load, "openTickets" = s.open
FROM (
  SELECT "assigneeId" AS id, sum("ticket_open_load_weight"("priority", "status")) AS load, count(*) AS open
  FROM "Ticket" WHERE "assigneeId" IS NOT NULL AND "status" NOT IN ('RESOLVED', 'CLOSED') GROUP BY "assigneeId"
) s
WHERE u."id" = s.id;
