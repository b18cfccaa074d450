-- AlterEnum
ALTER TYPE "NotificationCause" ADD VALUE 'MONITORING_RESOLVED';

-- A monitoring alert that resolves tells the incident's owner (its assignee; unassigned: every member of its
-- group), whether the integration resolved the incident with it or left that to them. Its own statement-level
-- trigger beside "notify_ticket_events", with the same rules: active staff only, never the one who acted,
-- one notification per event (the unique occurrence key).
CREATE FUNCTION "notify_monitoring_alerts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_events e WHERE e."type" = 'MONITORING_ALERT' AND e."rule" = 'monitoring.resolved') THEN
    RETURN NULL;
  END IF;
  WITH ev AS MATERIALIZED (
    SELECT e."id", e."ticketId", e."actorId", e."reason", e."createdAt", t."groupId", t."assigneeId",
      COALESCE((e."inputs"->>'autoResolved')::boolean, false) AS auto_resolved
    FROM new_events e JOIN "Ticket" t ON t."id" = e."ticketId"
    WHERE e."type" = 'MONITORING_ALERT' AND e."rule" = 'monitoring.resolved'
  ), told AS (
    SELECT ev.*, ev."assigneeId" AS recipient FROM ev WHERE ev."assigneeId" IS NOT NULL
    UNION ALL
    SELECT ev.*, m."userId" FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."groupId" WHERE ev."assigneeId" IS NULL
  )
  INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "occurrence", "headline", "sentence", "createdAt")
  SELECT told.recipient, 'MONITORING_RESOLVED', 'CUSTOMER_ACTIVITY', told."ticketId", told."id", 'event:' || told."id",
    CASE WHEN told.auto_resolved THEN 'Resolved by its monitoring alert' ELSE 'Its monitoring alert resolved' END,
    told."reason", told."createdAt"
  FROM told
  JOIN "User" r ON r."id" = told.recipient AND r."active" AND r."role" <> 'CUSTOMER'
  WHERE told.recipient IS DISTINCT FROM told."actorId"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketEvent_notify_monitoring" AFTER INSERT ON "TicketEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "notify_monitoring_alerts"();
