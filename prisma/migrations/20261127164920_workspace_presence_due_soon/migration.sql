-- DropIndex
DROP INDEX "Ticket_assigneeId_status_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "tierBudgetWarnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TicketViewer" (
    "ticketId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketViewer_pkey" PRIMARY KEY ("ticketId","userId")
);

-- CreateIndex
CREATE INDEX "TicketViewer_seenAt_idx" ON "TicketViewer"("seenAt");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_status_priority_idx" ON "Ticket"("assigneeId", "status", "priority");

-- CreateIndex
CREATE INDEX "Ticket_tierBudgetWarnAt_idx" ON "Ticket"("tierBudgetWarnAt");

-- AddForeignKey
ALTER TABLE "TicketViewer" ADD CONSTRAINT "TicketViewer_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketViewer" ADD CONSTRAINT "TicketViewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
