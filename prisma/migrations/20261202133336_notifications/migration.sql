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
CREATE INDEX "Notification_ticketId_idx" ON "Notification"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_cause_ticketId_occurrence_key" ON "Notification"("recipientId", "cause", "ticketId", "occurrence");

-- CreateIndex
CREATE INDEX "Alert_raisedAt_idx" ON "Alert"("raisedAt");

-- CreateIndex
CREATE INDEX "Alert_acknowledgedAt_idx" ON "Alert"("acknowledgedAt");

-- CreateIndex
CREATE INDEX "Alert_ticketId_idx" ON "Alert"("ticketId");

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

-- Who is told of a decision (the rules table of docs/notifications.md). One statement per
-- statement that writes events, whatever their number: the sweep's 1,000 alerts notify in one INSERT.
-- Runs in the writer's transaction, so a notification exists exactly when its decision committed; the
-- unique (recipient, cause, ticket, occurrence) key makes a second write of the same occurrence a no-op.
-- Recipients are active staff only, never the person who made the decision. Set-based throughout: one
-- aggregate per ticket (`shape`) tells an ASSIGNED beside an automatic escalation, and an escalation with
-- nobody placed, without a search per event; a statement none of whose events can tell anyone returns first.
CREATE FUNCTION "notify_ticket_events"() RETURNS trigger LANGUAGE plpgsql AS $$
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
