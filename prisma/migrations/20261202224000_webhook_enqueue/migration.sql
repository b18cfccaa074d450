-- Outbound webhooks (issue 16 §3): every ticket event an endpoint subscribes to queues one WebhookDelivery,
-- in the transaction that writes the event, so a delivery exists exactly when its change committed. The
-- worker (lib/webhooks/deliver-webhooks.ts) sends it.

-- Which webhook event a ticket event is, or NULL: the SQL twin of lib/webhooks/event-mapping.ts
-- (tests/integration/webhook-event-mapping-sql.test.ts holds the two to the same answer).
-- - a status change counts only when it reaches RESOLVED or CLOSED (the auto-close sweep writes one too);
-- - attaching and detaching a child writes an event on the child and on the parent: only the parent's (its
--   inputs name it as the parent) is an update of the major incident;
-- - a major incident's public update is the parent's COMMENTED event that counts the copies to its children.
CREATE FUNCTION "webhook_event_type"(event_type "TicketEventType", inputs JSONB, ticket_number TEXT)
RETURNS "WebhookEventType" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN event_type = 'CREATED' THEN 'ticket.created'
    WHEN event_type IN ('ASSIGNED', 'CLAIMED') THEN 'ticket.assigned'
    WHEN event_type IN ('ESCALATED', 'AUTO_ESCALATED') THEN 'ticket.escalated'
    WHEN event_type = 'RETURNED' THEN 'ticket.returned'
    WHEN event_type = 'STATUS_CHANGED' AND inputs->>'to' = 'RESOLVED' THEN 'ticket.resolved'
    WHEN event_type = 'STATUS_CHANGED' AND inputs->>'to' = 'CLOSED' THEN 'ticket.closed'
    WHEN event_type = 'ALERT' THEN 'sla.alert'
    WHEN event_type = 'MAJOR_INCIDENT_DECLARED' THEN 'major_incident.updated'
    WHEN event_type IN ('CHILD_ATTACHED', 'CHILD_DETACHED') AND inputs->>'parent' = ticket_number THEN 'major_incident.updated'
    WHEN event_type = 'COMMENTED' AND inputs ? 'copiedToChildren' THEN 'major_incident.updated'
  END::"WebhookEventType"
$$;

-- Runs once per statement that writes events (the sweep's thousand events queue in one INSERT). Nothing to
-- do, and no join, while no endpoint is active. The unique (endpoint, message id) makes a second write of
-- the same event a no-op. The delivery is due at the event's time.
CREATE FUNCTION "enqueue_webhook_deliveries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" WHERE "active") THEN
    RETURN NULL;
  END IF;
  INSERT INTO "WebhookDelivery" ("endpointId", "messageId", "eventType", "ticketEventId", "ticketId", "nextAttemptAt", "createdAt")
  SELECT w."id", 'msg_evt_' || m."id", m."eventType", m."id", m."ticketId", m."createdAt", m."createdAt"
  FROM (
    SELECT e."id", e."ticketId", e."createdAt", "webhook_event_type"(e."type", e."inputs"::jsonb, t."number") AS "eventType"
    FROM new_events e
    JOIN "Ticket" t ON t."id" = e."ticketId"
  ) m
  JOIN "WebhookEndpoint" w ON w."active" AND m."eventType" = ANY (w."events")
  WHERE m."eventType" IS NOT NULL
  ORDER BY m."id", w."id"
  ON CONFLICT ("endpointId", "messageId") DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketEvent_webhooks" AFTER INSERT ON "TicketEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "enqueue_webhook_deliveries"();

-- The worker's claim: due deliveries, oldest first, in one index scan.
CREATE INDEX "WebhookDelivery_due_idx" ON "WebhookDelivery"("nextAttemptAt", "id") WHERE "status" = 'PENDING';
