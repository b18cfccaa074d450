-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "l1SecondsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "l2SecondsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "l3SecondsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolutionWarnAt" TIMESTAMP(3),
ADD COLUMN     "slaAlertLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "slaClockSince" TIMESTAMP(3),
ADD COLUMN     "slaSecondsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierClockSince" TIMESTAMP(3),
ADD COLUMN     "updateDueFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "vendorClockSince" TIMESTAMP(3),
ADD COLUMN     "vendorSecondsUsed" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "firstResponseDueAt" DROP NOT NULL,
ALTER COLUMN "resolutionDueAt" DROP NOT NULL,
ALTER COLUMN "nextUpdateDueAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastAssignedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Ticket_tierBudgetEndsAt_idx" ON "Ticket"("tierBudgetEndsAt");

-- CreateIndex
CREATE INDEX "Ticket_resolutionWarnAt_idx" ON "Ticket"("resolutionWarnAt");

-- CreateIndex
CREATE INDEX "Ticket_resolutionDueAt_idx" ON "Ticket"("resolutionDueAt");

-- CreateIndex
CREATE INDEX "Ticket_nextUpdateDueAt_idx" ON "Ticket"("nextUpdateDueAt");

-- Tickets opened before the clocks existed: start their clocks where they stand.
UPDATE "Ticket" SET "slaClockSince" = "createdAt", "tierClockSince" = "tierEnteredAt"
WHERE "status" NOT IN ('PENDING_CUSTOMER', 'RESOLVED', 'CLOSED');
