-- CreateTable
CREATE TABLE "QueuePreference" (
    "userId" TEXT NOT NULL,
    "hiddenColumns" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueuePreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "SavedQueueView" (
    "id" SERIAL NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "hiddenColumns" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedQueueView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedQueueView_ownerId_name_key" ON "SavedQueueView"("ownerId", "name");

-- CreateIndex
CREATE INDEX "Ticket_tier_firstResponseDueAt_id_idx" ON "Ticket"("tier", "firstResponseDueAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_tier_resolutionDueAt_id_idx" ON "Ticket"("tier", "resolutionDueAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_tier_tierBudgetEndsAt_id_idx" ON "Ticket"("tier", "tierBudgetEndsAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_tier_updatedAt_id_idx" ON "Ticket"("tier", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_tier_id_idx" ON "Ticket"("tier", "id");
