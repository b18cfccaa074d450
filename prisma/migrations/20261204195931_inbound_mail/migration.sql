-- CreateEnum
CREATE TYPE "InboundMailVia" AS ENUM ('SMTP', 'IMAP');

-- CreateEnum
CREATE TYPE "InboundMailStatus" AS ENUM ('POSTED', 'HELD', 'IGNORED', 'ACCEPTED', 'DISCARDED');

-- AlterEnum
ALTER TYPE "TicketEventType" ADD VALUE 'INBOUND_MAIL';

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,
    "via" "InboundMailVia" NOT NULL,
    "fromAddress" TEXT,
    "subject" TEXT,
    "strippedText" TEXT,
    "fullText" TEXT,
    "status" "InboundMailStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "ticketId" INTEGER,
    "commentId" INTEGER,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_messageId_key" ON "InboundMail"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_commentId_key" ON "InboundMail"("commentId");

-- CreateIndex
CREATE INDEX "InboundMail_status_receivedAt_id_idx" ON "InboundMail"("status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "InboundMail_fromAddress_receivedAt_idx" ON "InboundMail"("fromAddress", "receivedAt");

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
