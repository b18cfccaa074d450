-- CreateEnum
CREATE TYPE "VendorEngagementEnd" AS ENUM ('RETURNED', 'RESOLVED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationCause" ADD VALUE 'VENDOR_WARNING';
ALTER TYPE "NotificationCause" ADD VALUE 'VENDOR_BREACHED';

-- AlterEnum
ALTER TYPE "TicketEventType" ADD VALUE 'VENDOR_RESPONDED';

-- CreateTable
CREATE TABLE "VendorTarget" (
    "groupId" TEXT NOT NULL,
    "priority" "Priority" NOT NULL,
    "responseMinutes" INTEGER NOT NULL,
    "resolutionMinutes" INTEGER NOT NULL,
    "calendarId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorTarget_pkey" PRIMARY KEY ("groupId","priority")
);

-- CreateTable
CREATE TABLE "VendorEngagement" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "coordinatorGroupId" TEXT,
    "priority" "Priority" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "responseWarnAt" TIMESTAMP(3),
    "responseDueAt" TIMESTAMP(3),
    "resolutionWarnAt" TIMESTAMP(3),
    "resolutionDueAt" TIMESTAMP(3),
    "calendarLabel" TEXT,
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "alertsSent" INTEGER NOT NULL DEFAULT 0,
    "nextAlertAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedAs" "VendorEngagementEnd",

    CONSTRAINT "VendorEngagement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VendorEngagement_ticketId_id_idx" ON "VendorEngagement"("ticketId", "id");

-- CreateIndex
CREATE INDEX "VendorEngagement_groupId_startedAt_idx" ON "VendorEngagement"("groupId", "startedAt");

-- CreateIndex
CREATE INDEX "VendorEngagement_startedAt_idx" ON "VendorEngagement"("startedAt");

-- AddForeignKey
ALTER TABLE "VendorTarget" ADD CONSTRAINT "VendorTarget_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SupportGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorTarget" ADD CONSTRAINT "VendorTarget_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "SupportCalendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorEngagement" ADD CONSTRAINT "VendorEngagement_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorEngagement" ADD CONSTRAINT "VendorEngagement_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SupportGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorEngagement" ADD CONSTRAINT "VendorEngagement_coordinatorGroupId_fkey" FOREIGN KEY ("coordinatorGroupId") REFERENCES "SupportGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorEngagement" ADD CONSTRAINT "VendorEngagement_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open engagement per ticket; the sweep's vendor alerts read only the engagements with a threshold ahead.
CREATE UNIQUE INDEX "VendorEngagement_open_ticket_key" ON "VendorEngagement"("ticketId") WHERE "endedAt" IS NULL;
CREATE INDEX "VendorEngagement_alert_idx" ON "VendorEngagement"("nextAlertAt") WHERE "nextAlertAt" IS NOT NULL;

-- An engagement ends whenever its ticket leaves L4 (handed back), moves to another L4 group, or is resolved or
-- closed there, whichever service did it (a return, a status change, a major incident resolving its children):
-- one rule in one place, in the same statement as the change.
CREATE FUNCTION "end_vendor_engagement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "VendorEngagement"
  SET "endedAt" = NEW."updatedAt", "nextAlertAt" = NULL,
    "endedAs" = (CASE WHEN NEW."status" IN ('RESOLVED', 'CLOSED') THEN 'RESOLVED' ELSE 'RETURNED' END)::"VendorEngagementEnd"
  WHERE "ticketId" = NEW."id" AND "endedAt" IS NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_end_vendor_engagement" AFTER UPDATE OF "tier", "status", "groupId" ON "Ticket"
  FOR EACH ROW WHEN (OLD."tier" = 'L4' AND (NEW."tier" <> 'L4' OR NEW."groupId" <> OLD."groupId" OR NEW."status" IN ('RESOLVED', 'CLOSED')))
  EXECUTE FUNCTION "end_vendor_engagement"();

-- Who is told of a vendor alert (docs/notifications.md): at 75 % the L3 coordinator (the ticket's assignee at
-- L4); at 100 % also the leads of the group the coordinator handed off from and every manager, and the alert
-- stays open until acknowledged. Beside notify_ticket_events, with its rules: active staff only, never the one
-- who acted, one notification per recipient and occurrence.
CREATE FUNCTION "notify_vendor_alerts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_events e WHERE e."type" = 'ALERT' AND e."rule" LIKE 'vendor.%') THEN
    RETURN NULL;
  END IF;

  INSERT INTO "Alert" ("id", "ticketId", "rule", "reason", "raisedAt")
  SELECT e."id", e."ticketId", e."rule", e."reason", e."createdAt"
  FROM new_events e
  WHERE e."type" = 'ALERT' AND e."rule" IN ('vendor.response-100', 'vendor.resolution-100')
  ON CONFLICT ("id") DO NOTHING;

  WITH ev AS MATERIALIZED (
    SELECT e."id", e."ticketId", e."actorId", e."reason", e."createdAt", e."rule", t."assigneeId", ve."coordinatorGroupId",
      CASE WHEN e."rule" LIKE '%-100' THEN 'VENDOR_BREACHED' ELSE 'VENDOR_WARNING' END AS cause
    FROM new_events e
    JOIN "Ticket" t ON t."id" = e."ticketId"
    LEFT JOIN "VendorEngagement" ve ON ve."id" = (e."inputs"->>'engagementId')::int
    WHERE e."type" = 'ALERT' AND e."rule" LIKE 'vendor.%'
  ),
  told AS (
    SELECT ev.*, ev."assigneeId" AS recipient FROM ev WHERE ev."assigneeId" IS NOT NULL
    UNION ALL
    SELECT ev.*, m."userId" FROM ev JOIN "GroupMembership" m ON m."groupId" = ev."coordinatorGroupId" AND m."isLead"
    WHERE ev.cause = 'VENDOR_BREACHED'
    UNION ALL
    SELECT ev.*, u."id" FROM ev JOIN "User" u ON u."role" = 'MANAGER' AND u."active"
    WHERE ev.cause = 'VENDOR_BREACHED'
  )
  INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "alertId", "occurrence", "headline", "sentence", "createdAt")
  SELECT told.recipient, told.cause::"NotificationCause", 'SLA_ALERTS', told."ticketId", told."id", al."id", 'event:' || told."id",
    CASE told."rule"
      WHEN 'vendor.response-75' THEN '75 % of the vendor''s response target used'
      WHEN 'vendor.response-100' THEN 'Vendor response overdue'
      WHEN 'vendor.resolution-75' THEN '75 % of the vendor''s resolution target used'
      ELSE 'Vendor resolution overdue'
    END,
    told."reason", told."createdAt"
  FROM told
  JOIN "User" r ON r."id" = told.recipient AND r."active" AND r."role" <> 'CUSTOMER'
  LEFT JOIN "Alert" al ON al."id" = told."id"
  WHERE told.recipient IS DISTINCT FROM told."actorId"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketEvent_notify_vendor" AFTER INSERT ON "TicketEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "notify_vendor_alerts"();
