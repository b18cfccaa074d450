-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "coalesceKey" TEXT,
ADD COLUMN     "statusAfter" "TicketStatus",
ADD COLUMN     "statusBefore" "TicketStatus";

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_coalesceKey_key" ON "OutboxMessage"("coalesceKey");
