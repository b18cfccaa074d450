-- notify_ticket_events, set-based throughout: the original decided "an ASSIGNED beside an automatic
-- escalation" and "an escalation with nobody placed" with a NOT EXISTS over the statement's events for each
-- event, a search per event (the sweep's 2,000 events: 4,000,000 comparisons). Here one aggregate per ticket
-- (`shape`) decides both, events that tell nobody leave the query first, and a statement none of whose
-- events can tell anyone returns before the query is planned. Who is told is unchanged
-- (tests/integration/notification-recipients.test.ts).
CREATE OR REPLACE FUNCTION "notify_ticket_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most statements tell nobody (a claim, a classification, a staff reply, the sweep's empty steps): they
  -- leave before any planning of the query below.
  IF NOT EXISTS (
    SELECT 1 FROM new_events e
    WHERE e."type" IN ('ASSIGNED', 'RETURNED', 'ESCALATED', 'AUTO_ESCALATED', 'STATUS_CHANGED', 'RATED', 'ALERT')
       OR (e."type" = 'COMMENTED' AND e."rule" IN ('comment', 'comment.customer-answered'))
  ) THEN
    RETURN NULL;
  END IF;

  -- Alerts a person must acknowledge.
  INSERT INTO "Alert" ("id", "ticketId", "rule", "reason", "raisedAt")
  SELECT e."id", e."ticketId", e."rule", e."reason", e."createdAt"
  FROM new_events e
  WHERE e."type" = 'ALERT'
    AND e."rule" IN ('sla.resolution-100', 'budget.l3', 'sla.customer-update-overdue', 'customer.escalation-request')
  ON CONFLICT ("id") DO NOTHING;

  WITH shape AS (
    -- Per ticket, what else this statement wrote for it: one pass over the events, not a search per event.
    SELECT x."ticketId",
      bool_or(x."type" = 'AUTO_ESCALATED') AS auto_escalated,
      bool_or(x."type" = 'ASSIGNED' AND x."toAssignee" IS NOT NULL) AS placed
    FROM new_events x
    GROUP BY x."ticketId"
  ),
  ev AS MATERIALIZED (
    SELECT * FROM (
    SELECT e."id", e."ticketId", e."type", e."rule", e."actorId", e."toGroup", e."toAssignee", e."fromAssignee", e."inputs", e."reason", e."createdAt",
      t."groupId", t."assigneeId", t."priority",
      CASE
        WHEN e."type" = 'ASSIGNED' AND e."toAssignee" IS NOT NULL AND NOT s.auto_escalated THEN 'ASSIGNED'
        WHEN e."type" = 'RETURNED' AND e."toAssignee" IS NOT NULL THEN 'RETURNED'
        WHEN e."type" IN ('ESCALATED', 'RETURNED') AND (e."toAssignee" IS NULL OR e."rule" = 'escalate.l4-handoff') AND NOT s.placed THEN 'GROUP_QUEUE'
        WHEN e."type" = 'AUTO_ESCALATED' THEN 'AUTO_ESCALATED'
        WHEN e."type" = 'COMMENTED' AND e."rule" IN ('comment', 'comment.customer-answered') AND a."role" = 'CUSTOMER' THEN 'CUSTOMER_REPLIED'
        WHEN e."type" = 'STATUS_CHANGED' AND e."rule" = 'status.customer-reopened' THEN 'CUSTOMER_REOPENED'
        WHEN e."type" = 'RATED' AND (e."inputs"->>'score')::int <= 2 THEN 'CUSTOMER_RATED_LOW'
        WHEN e."type" = 'ALERT' AND e."rule" = 'customer.escalation-request' THEN 'ESCALATION_REQUESTED'
        WHEN e."type" = 'ALERT' AND e."rule" = 'sla.resolution-75' THEN 'SLA_WARNING'
        WHEN e."type" = 'ALERT' AND e."rule" = 'sla.resolution-100' THEN 'SLA_BREACHED'
        WHEN e."type" = 'ALERT' AND e."rule" = 'budget.l3' THEN 'L3_BUDGET_SPENT'
        WHEN e."type" = 'ALERT' AND e."rule" = 'sla.customer-update-overdue' THEN 'UPDATE_OVERDUE'
      END AS cause
    FROM new_events e
    JOIN shape s ON s."ticketId" = e."ticketId"
    JOIN "Ticket" t ON t."id" = e."ticketId"
    LEFT JOIN "User" a ON a."id" = e."actorId"
    ) c
    -- Most events tell nobody (CREATED, CLASSIFIED, CLAIMED, ASSIGNED beside an automatic escalation…).
    WHERE c.cause IS NOT NULL
  ),
  told AS (
    -- The person the decision names: the new assignee, the agent a return goes back to.
    SELECT ev.*, u."id" AS recipient,
      CASE ev.cause WHEN 'ASSIGNED' THEN 'Assigned to you' WHEN 'RETURNED' THEN 'Returned to you with guidance' ELSE 'Escalated to you automatically' END AS headline
    FROM ev JOIN "User" u ON u."userId" = ev."toAssignee"
    WHERE ev.cause IN ('ASSIGNED', 'RETURNED') OR (ev.cause = 'AUTO_ESCALATED' AND ev."toAssignee" IS NOT NULL)
    UNION ALL
    -- Every member of the group a ticket entered with nobody of theirs on it.
    SELECT ev.*, m."userId", CASE ev.cause WHEN 'GROUP_QUEUE' THEN 'Waiting in your group''s queue' ELSE 'Escalated to your group automatically' END
    FROM ev JOIN "SupportGroup" g ON g."slug" = ev."toGroup" JOIN "GroupMembership" m ON m."groupId" = g."id"
    WHERE ev.cause = 'GROUP_QUEUE' OR (ev.cause = 'AUTO_ESCALATED' AND ev."toAssignee" IS NULL)
    UNION ALL
    -- The agent an automatic escalation took the ticket from.
    SELECT ev.*, u."id", 'Escalated away from you automatically'
    FROM ev JOIN "User" u ON u."userId" = ev."fromAssignee"
    WHERE ev.cause = 'AUTO_ESCALATED'
    UNION ALL
    -- The ticket's assignee: customer activity, an escalation request, 75 % of the resolution target.
    SELECT ev.*, ev."assigneeId",
      CASE ev.cause WHEN 'CUSTOMER_REPLIED' THEN 'The customer replied' WHEN 'CUSTOMER_REOPENED' THEN 'The customer reopened the ticket'
        WHEN 'CUSTOMER_RATED_LOW' THEN 'Rated ' || (ev."inputs"->>'score') || ' of 5' WHEN 'ESCALATION_REQUESTED' THEN 'The customer asked for escalation'
        ELSE '75 % of the resolution target used' END
    FROM ev
    WHERE ev."assigneeId" IS NOT NULL
      AND ev.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW', 'ESCALATION_REQUESTED', 'SLA_WARNING')
    UNION ALL
    -- Customer activity on an unassigned ticket: its group.
    SELECT ev.*, m."userId",
      CASE ev.cause WHEN 'CUSTOMER_REPLIED' THEN 'The customer replied' WHEN 'CUSTOMER_REOPENED' THEN 'The customer reopened the ticket'
        ELSE 'Rated ' || (ev."inputs"->>'score') || ' of 5' END
    FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."groupId"
    WHERE ev."assigneeId" IS NULL AND ev.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW')
    UNION ALL
    -- The leads of the ticket's group: the rung above the agent.
    SELECT ev.*, m."userId",
      CASE ev.cause WHEN 'ESCALATION_REQUESTED' THEN 'The customer asked for escalation' WHEN 'SLA_WARNING' THEN '75 % of the resolution target used'
        WHEN 'SLA_BREACHED' THEN 'Resolution target breached' WHEN 'L3_BUDGET_SPENT' THEN 'L3 budget spent: L4 hand-off to decide'
        ELSE 'Customer update overdue' END
    FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."groupId" AND m."isLead"
    WHERE ev.cause IN ('ESCALATION_REQUESTED', 'SLA_WARNING', 'SLA_BREACHED', 'L3_BUDGET_SPENT', 'UPDATE_OVERDUE')
    UNION ALL
    -- Every manager: breaches, and escalation requests on P1 and P2.
    SELECT ev.*, u."id",
      CASE ev.cause WHEN 'ESCALATION_REQUESTED' THEN 'The customer asked for escalation' WHEN 'SLA_BREACHED' THEN 'Resolution target breached'
        WHEN 'L3_BUDGET_SPENT' THEN 'L3 budget spent: L4 hand-off to decide' ELSE 'Customer update overdue' END
    FROM ev JOIN "User" u ON u."role" = 'MANAGER' AND u."active"
    WHERE ev.cause IN ('SLA_BREACHED', 'L3_BUDGET_SPENT', 'UPDATE_OVERDUE')
       OR (ev.cause = 'ESCALATION_REQUESTED' AND ev."priority" IN ('P1', 'P2'))
  )
  INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "alertId", "occurrence", "headline", "sentence", "createdAt")
  SELECT DISTINCT ON (told.recipient, told.cause, told."ticketId", told."id")
    told.recipient, told.cause::"NotificationCause",
    (CASE
      WHEN told.cause IN ('ASSIGNED', 'RETURNED') THEN 'ASSIGNMENTS'
      WHEN told.cause = 'AUTO_ESCALATED' AND told.headline <> 'Escalated to your group automatically' THEN 'ASSIGNMENTS'
      WHEN told.cause IN ('GROUP_QUEUE', 'AUTO_ESCALATED') THEN 'MY_GROUP'
      WHEN told.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW') THEN 'CUSTOMER_ACTIVITY'
      ELSE 'SLA_ALERTS'
    END)::"NotificationKind",
    told."ticketId", told."id", al."id", 'event:' || told."id", told.headline, told."reason", told."createdAt"
  FROM told
  JOIN "User" r ON r."id" = told.recipient AND r."active" AND r."role" <> 'CUSTOMER'
  LEFT JOIN "Alert" al ON al."id" = told."id"
  WHERE told.recipient IS DISTINCT FROM told."actorId"
  ORDER BY told.recipient, told.cause, told."ticketId", told."id"
  ON CONFLICT ("recipientId", "cause", "ticketId", "occurrence") DO NOTHING;
  RETURN NULL;
END $$;

