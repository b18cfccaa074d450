-- The agent queue at 1,000,000 tickets (issue 18), continued (written by hand, as queue_open_indexes): what the plans of
-- bench:pages showed missing once the open tickets had indexes of their own.

-- Descending clock sorts keep stopped clocks last (DESC NULLS LAST), an order the ascending indexes cannot give.
CREATE INDEX "Ticket_open_tier_firstResponseDueAt_desc_idx" ON "Ticket" ("tier", "firstResponseDueAt" DESC NULLS LAST, "id" DESC) WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_resolutionDueAt_desc_idx" ON "Ticket" ("tier", "resolutionDueAt" DESC NULLS LAST, "id" DESC) WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_tierBudgetEndsAt_desc_idx" ON "Ticket" ("tier", "tierBudgetEndsAt" DESC NULLS LAST, "id" DESC) WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');

-- "Unassigned in my groups" oldest first: the unassigned tickets are the newest ones, which the primary key
-- reaches last (the planner, not knowing that, walked it past the whole assigned history).
CREATE INDEX "Ticket_open_unassigned_idx" ON "Ticket" ("groupId", "id") WHERE "assigneeId" IS NULL AND "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');

-- Who holds which tickets is far from independent of their status (an agent's history is closed, their queue
-- small): without these statistics the planner took "Mine" for a large share of the table and scanned it whole.
CREATE STATISTICS "Ticket_assignee_status_stats" (mcv, dependencies) ON "assigneeId", "status" FROM "Ticket";
