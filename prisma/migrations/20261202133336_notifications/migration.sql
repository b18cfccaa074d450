-- CreateEnum
CREATE TYPE "NotificationCause" AS ENUM ('ASSIGNED', 'RETURNED', 'GROUP_QUEUE', 'AUTO_ESCALATED', 'CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW', 'ESCALATION_REQUESTED', 'SLA_WARNING', 'SLA_BREACHED', 'L3_BUDGET_SPENT', 'UPDATE_OVERDUE', 'MENTIONED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNMENTS', 'MY_GROUP', 'CUSTOMER_ACTIVITY', 'SLA_ALERTS', 'MENTIONS');

-- AlterEnum
ALTER TYPE "TicketEventType" ADD VALUE 'ALERT_ACKNOWLEDGED';

-- AlterTable
ALTER TABLE "GroupMembership" ADD COLUMN     "isLead" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "linkPath" TEXT;

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "recipientId" TEXT NOT NULL,
    "cause" "NotificationCause" NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "alertId" INTEGER,
    "occurrence" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "sentence" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "note" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "byMail" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_id_idx" ON "Notification"("recipientId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_cause_ticketId_occurrence_key" ON "Notification"("recipientId", "cause", "ticketId", "occurrence");

-- CreateIndex
CREATE INDEX "Alert_raisedAt_idx" ON "Alert"("raisedAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The bell's unread count, and the Open alerts panel, oldest first: each one index scan.
CREATE INDEX "Notification_unread_idx" ON "Notification"("recipientId") WHERE "readAt" IS NULL;
CREATE INDEX "Alert_open_idx" ON "Alert"("raisedAt", "id") WHERE "acknowledgedAt" IS NULL;

-- Who is told of a decision (the rules table of docs/notifications.md). Runs once per statement that writes
-- events, whatever their number (the sweep's 1,000 alerts notify in one INSERT), in the writer's transaction,
-- so a notification exists exactly when its decision committed. The unique (recipient, cause, ticket,
-- occurrence) key makes a second write of the same occurrence a no-op, and lets the recipient classes below
-- (each one small INSERT, run only when the statement has an event of its kind) meet without a DISTINCT.
-- Recipients are active staff only, never the person who made the decision.
CREATE FUNCTION "notify_ticket_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most statements tell nobody (a claim, a classification, a staff reply, the sweep's empty steps).
  IF NOT EXISTS (
    SELECT 1 FROM new_events e
    WHERE e."type" IN ('ASSIGNED', 'RETURNED', 'ESCALATED', 'AUTO_ESCALATED', 'STATUS_CHANGED', 'RATED', 'ALERT')
       OR (e."type" = 'COMMENTED' AND e."rule" IN ('comment', 'comment.customer-answered'))
  ) THEN
    RETURN NULL;
  END IF;

  -- Alerts a person must acknowledge.
  IF EXISTS (SELECT 1 FROM new_events e WHERE e."type" = 'ALERT') THEN
    INSERT INTO "Alert" ("id", "ticketId", "rule", "reason", "raisedAt")
    SELECT e."id", e."ticketId", e."rule", e."reason", e."createdAt"
    FROM new_events e
    WHERE e."type" = 'ALERT'
      AND e."rule" IN ('sla.resolution-100', 'budget.l3', 'sla.customer-update-overdue', 'customer.escalation-request')
    ON CONFLICT ("id") DO NOTHING;
  END IF;

  -- The person a decision names: the new assignee (beside an automatic escalation, that one tells them),
  -- the agent a return goes back to, the new assignee of an automatic escalation.
  IF EXISTS (SELECT 1 FROM new_events e WHERE e."toAssignee" IS NOT NULL AND e."type" IN ('ASSIGNED', 'RETURNED', 'AUTO_ESCALATED')) THEN
    WITH auto AS (SELECT DISTINCT x."ticketId" FROM new_events x WHERE x."type" = 'AUTO_ESCALATED')
    INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "occurrence", "headline", "sentence", "createdAt")
    SELECT u."id", e."type"::text::"NotificationCause", 'ASSIGNMENTS', e."ticketId", e."id", 'event:' || e."id",
      CASE e."type" WHEN 'ASSIGNED' THEN 'Assigned to you' WHEN 'RETURNED' THEN 'Returned to you with guidance' ELSE 'Escalated to you automatically' END,
      e."reason", e."createdAt"
    FROM new_events e
    JOIN "User" u ON u."userId" = e."toAssignee" AND u."active" AND u."role" <> 'CUSTOMER'
    LEFT JOIN auto ON auto."ticketId" = e."ticketId"
    WHERE e."toAssignee" IS NOT NULL AND e."type" IN ('ASSIGNED', 'RETURNED', 'AUTO_ESCALATED')
      AND NOT (e."type" = 'ASSIGNED' AND auto."ticketId" IS NOT NULL)
      AND u."id" IS DISTINCT FROM e."actorId"
    ON CONFLICT DO NOTHING;
  END IF;

  -- Automatic escalations: the agent who lost the ticket; with nobody placed, every member of the new group.
  -- Escalations and returns into a group with nobody of theirs on it (a PULL group, an AUTO group with no
  -- eligible member, an L4 hand-off): every member of that group.
  IF EXISTS (SELECT 1 FROM new_events e WHERE e."type" IN ('ESCALATED', 'RETURNED', 'AUTO_ESCALATED')) THEN
    INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "occurrence", "headline", "sentence", "createdAt")
    SELECT u."id", 'AUTO_ESCALATED', 'ASSIGNMENTS', e."ticketId", e."id", 'event:' || e."id", 'Escalated away from you automatically', e."reason", e."createdAt"
    FROM new_events e
    JOIN "User" u ON u."userId" = e."fromAssignee" AND u."active" AND u."role" <> 'CUSTOMER'
    WHERE e."type" = 'AUTO_ESCALATED'
    ON CONFLICT DO NOTHING;

    WITH placed AS (SELECT DISTINCT x."ticketId" FROM new_events x WHERE x."type" = 'ASSIGNED' AND x."toAssignee" IS NOT NULL)
    INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "occurrence", "headline", "sentence", "createdAt")
    SELECT r."id", CASE e."type" WHEN 'AUTO_ESCALATED' THEN 'AUTO_ESCALATED' ELSE 'GROUP_QUEUE' END::"NotificationCause", 'MY_GROUP',
      e."ticketId", e."id", 'event:' || e."id",
      CASE e."type" WHEN 'AUTO_ESCALATED' THEN 'Escalated to your group automatically' ELSE 'Waiting in your group''s queue' END,
      e."reason", e."createdAt"
    FROM new_events e
    JOIN "SupportGroup" g ON g."slug" = e."toGroup"
    JOIN "GroupMembership" m ON m."groupId" = g."id"
    JOIN "User" r ON r."id" = m."userId" AND r."active" AND r."role" <> 'CUSTOMER'
    LEFT JOIN placed ON placed."ticketId" = e."ticketId"
    WHERE ((e."type" IN ('ESCALATED', 'RETURNED') AND (e."toAssignee" IS NULL OR e."rule" = 'escalate.l4-handoff') AND placed."ticketId" IS NULL)
        OR (e."type" = 'AUTO_ESCALATED' AND e."toAssignee" IS NULL))
      AND r."id" IS DISTINCT FROM e."actorId"
    ON CONFLICT DO NOTHING;
  END IF;

  -- What happens on a ticket where it is: customer activity (its assignee; unassigned: its group), an
  -- escalation request (assignee, leads, on P1/P2 managers), 75 % (assignee, leads), a breach, a spent L3
  -- budget, an overdue update (leads, managers).
  IF EXISTS (
    SELECT 1 FROM new_events e
    WHERE e."type" IN ('ALERT', 'STATUS_CHANGED', 'RATED') OR (e."type" = 'COMMENTED' AND e."rule" IN ('comment', 'comment.customer-answered'))
  ) THEN
    WITH ev AS MATERIALIZED (
      SELECT * FROM (
        SELECT e."id", e."ticketId", e."actorId", e."reason", e."createdAt", t."groupId", t."assigneeId", t."priority",
          CASE
            WHEN e."type" = 'COMMENTED' AND e."rule" IN ('comment', 'comment.customer-answered') AND a."role" = 'CUSTOMER' THEN 'CUSTOMER_REPLIED'
            WHEN e."type" = 'STATUS_CHANGED' AND e."rule" = 'status.customer-reopened' THEN 'CUSTOMER_REOPENED'
            WHEN e."type" = 'RATED' AND (e."inputs"->>'score')::int <= 2 THEN 'CUSTOMER_RATED_LOW'
            WHEN e."type" = 'ALERT' AND e."rule" = 'customer.escalation-request' THEN 'ESCALATION_REQUESTED'
            WHEN e."type" = 'ALERT' AND e."rule" = 'sla.resolution-75' THEN 'SLA_WARNING'
            WHEN e."type" = 'ALERT' AND e."rule" = 'sla.resolution-100' THEN 'SLA_BREACHED'
            WHEN e."type" = 'ALERT' AND e."rule" = 'budget.l3' THEN 'L3_BUDGET_SPENT'
            WHEN e."type" = 'ALERT' AND e."rule" = 'sla.customer-update-overdue' THEN 'UPDATE_OVERDUE'
          END AS cause,
          CASE WHEN e."type" = 'RATED' THEN 'Rated ' || (e."inputs"->>'score') || ' of 5' END AS rated
        FROM new_events e
        JOIN "Ticket" t ON t."id" = e."ticketId"
        LEFT JOIN "User" a ON a."id" = e."actorId"
        WHERE e."type" IN ('ALERT', 'STATUS_CHANGED', 'RATED', 'COMMENTED')
      ) c
      WHERE c.cause IS NOT NULL
    ),
    told AS (
      SELECT ev.*, ev."assigneeId" AS recipient FROM ev
      WHERE ev."assigneeId" IS NOT NULL AND ev.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW', 'ESCALATION_REQUESTED', 'SLA_WARNING')
      UNION ALL
      SELECT ev.*, m."userId" FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."groupId"
      WHERE ev."assigneeId" IS NULL AND ev.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW')
      UNION ALL
      SELECT ev.*, m."userId" FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."groupId" AND m."isLead"
      WHERE ev.cause IN ('ESCALATION_REQUESTED', 'SLA_WARNING', 'SLA_BREACHED', 'L3_BUDGET_SPENT', 'UPDATE_OVERDUE')
      UNION ALL
      SELECT ev.*, u."id" FROM ev JOIN "User" u ON u."role" = 'MANAGER' AND u."active"
      WHERE ev.cause IN ('SLA_BREACHED', 'L3_BUDGET_SPENT', 'UPDATE_OVERDUE') OR (ev.cause = 'ESCALATION_REQUESTED' AND ev."priority" IN ('P1', 'P2'))
    )
    INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "alertId", "occurrence", "headline", "sentence", "createdAt")
    SELECT told.recipient, told.cause::"NotificationCause",
      CASE WHEN told.cause IN ('CUSTOMER_REPLIED', 'CUSTOMER_REOPENED', 'CUSTOMER_RATED_LOW') THEN 'CUSTOMER_ACTIVITY' ELSE 'SLA_ALERTS' END::"NotificationKind",
      told."ticketId", told."id", al."id", 'event:' || told."id",
      CASE told.cause
        WHEN 'CUSTOMER_REPLIED' THEN 'The customer replied'
        WHEN 'CUSTOMER_REOPENED' THEN 'The customer reopened the ticket'
        WHEN 'CUSTOMER_RATED_LOW' THEN told.rated
        WHEN 'ESCALATION_REQUESTED' THEN 'The customer asked for escalation'
        WHEN 'SLA_WARNING' THEN '75 % of the resolution target used'
        WHEN 'SLA_BREACHED' THEN 'Resolution target breached'
        WHEN 'L3_BUDGET_SPENT' THEN 'L3 budget spent: L4 hand-off to decide'
        ELSE 'Customer update overdue'
      END,
      told."reason", told."createdAt"
    FROM told
    JOIN "User" r ON r."id" = told.recipient AND r."active" AND r."role" <> 'CUSTOMER'
    LEFT JOIN "Alert" al ON al."id" = told."id"
    WHERE told.recipient IS DISTINCT FROM told."actorId"
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketEvent_notify" AFTER INSERT ON "TicketEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "notify_ticket_events"();

-- Mail to staff: a notification of a kind its recipient wants by mail (default: SLA alerts and mentions,
-- lib/notifications/preferences.ts MAIL_BY_DEFAULT) queues one OutboxMessage, sent by the same worker with
-- the same retry, lease and dedupe rules as customer mail. A recipient without an address gets none.
-- The mail says what happened and why and links to the ticket; it carries no internal note.
CREATE FUNCTION "mail_notifications"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "linkPath", "nextAttemptAt", "createdAt")
  SELECT n."ticketId", u."email",
    '[' || t."number" || '] ' || n."headline" || ': ' || t."title",
    n."headline" || ': ' || t."number" || ' "' || t."title" || '" (' || t."priority" || ', ' || t."tier" || ').' || E'\n\n' || n."sentence",
    'notification:' || n."id", '/queue/tickets/' || t."number", n."createdAt", n."createdAt"
  FROM new_notifications n
  JOIN "User" u ON u."id" = n."recipientId"
  JOIN "Ticket" t ON t."id" = n."ticketId"
  LEFT JOIN "NotificationPreference" p ON p."userId" = n."recipientId" AND p."kind" = n."kind"
  WHERE u."email" IS NOT NULL AND COALESCE(p."byMail", n."kind" IN ('SLA_ALERTS', 'MENTIONS'))
  ON CONFLICT ("dedupeKey") DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_mail" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_notifications FOR EACH STATEMENT EXECUTE FUNCTION "mail_notifications"();
