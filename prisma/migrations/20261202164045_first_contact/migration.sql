-- CreateEnum
CREATE TYPE "TicketChannel" AS ENUM ('PORTAL', 'API', 'PHONE', 'CHAT', 'EMAIL', 'WALK_IN');

-- CreateEnum
CREATE TYPE "TicketLinkKind" AS ENUM ('RELATED', 'DUPLICATE_OF');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TicketEventType" ADD VALUE 'SOP_STEP_CHANGED';
ALTER TYPE "TicketEventType" ADD VALUE 'LINKED';
ALTER TYPE "TicketEventType" ADD VALUE 'MAJOR_INCIDENT_DECLARED';
ALTER TYPE "TicketEventType" ADD VALUE 'CHILD_ATTACHED';
ALTER TYPE "TicketEventType" ADD VALUE 'CHILD_DETACHED';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "macroId" INTEGER,
ADD COLUMN     "sourceCommentId" INTEGER;

-- AlterTable
ALTER TABLE "SupportCalendar" ADD COLUMN     "autoCloseBusinessDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "channel" "TicketChannel" NOT NULL DEFAULT 'PORTAL',
ADD COLUMN     "isMajorIncident" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "majorIncidentId" INTEGER,
ADD COLUMN     "openedById" TEXT;

-- CreateTable
CREATE TABLE "TicketSopStep" (
    "ticketId" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketSopStep_pkey" PRIMARY KEY ("ticketId","step")
);

-- CreateTable
CREATE TABLE "Macro" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "categoryId" TEXT,
    "visibility" "CommentVisibility" NOT NULL,
    "setStatus" "TicketStatus",
    "usageCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Macro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketLink" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "kind" "TicketLinkKind" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Macro_title_key" ON "Macro"("title");

-- CreateIndex
CREATE INDEX "Macro_categoryId_idx" ON "Macro"("categoryId");

-- CreateIndex
CREATE INDEX "TicketLink_targetId_idx" ON "TicketLink"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_ticketId_targetId_key" ON "TicketLink"("ticketId", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_ticketId_sourceCommentId_key" ON "Comment"("ticketId", "sourceCommentId");

-- CreateIndex
CREATE INDEX "Ticket_majorIncidentId_status_idx" ON "Ticket"("majorIncidentId", "status");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_majorIncidentId_fkey" FOREIGN KEY ("majorIncidentId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketSopStep" ADD CONSTRAINT "TicketSopStep_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Macro" ADD CONSTRAINT "Macro_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A ticket is not linked to itself, nor a child of itself.
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_not_self" CHECK ("ticketId" <> "targetId");
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_majorIncident_not_self" CHECK ("majorIncidentId" IS NULL OR "majorIncidentId" <> "id");

-- The sweep's auto-close reads resolved tickets in resolution order; a partial index keeps it off the closed history.
CREATE INDEX "Ticket_resolved_idx" ON "Ticket" ("resolvedAt", "id") WHERE "status" = 'RESOLVED';
