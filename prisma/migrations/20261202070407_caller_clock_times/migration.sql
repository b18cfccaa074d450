-- AlterTable
ALTER TABLE "ArticleFeedback" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Attachment" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Comment" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Deflection" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "nextAttemptAt" DROP DEFAULT,
ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Ticket" ALTER COLUMN "tierEnteredAt" DROP DEFAULT,
ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "TicketEvent" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "TicketRating" ALTER COLUMN "createdAt" DROP DEFAULT;
