-- The agent queue at 1,000,000 tickets (issue 18), written by hand: Prisma's schema cannot express partial indexes.
--
-- The queue only lists open tickets, and at scale most tickets are resolved or closed. Walking a full index in
-- a sort's order skips the closed history row by row (the oldest first: "last update, oldest first" at L1 passed
-- some 550,000 resolved tickets before its first open one). These indexes hold the open tickets alone, each in a
-- sort's order within the tier the queue's WHERE names, and replace the full ones of migration queue_sorts_views.
-- The queue writes the open statuses as literals (lib/tickets/queue-conditions.ts), so the planner matches this
-- predicate in a prepared statement's generic plan too. A ticket leaves them when it is resolved or closed.

-- DropIndex
DROP INDEX "Ticket_tier_firstResponseDueAt_id_idx";
DROP INDEX "Ticket_tier_resolutionDueAt_id_idx";
DROP INDEX "Ticket_tier_tierBudgetEndsAt_id_idx";
DROP INDEX "Ticket_tier_updatedAt_id_idx";
DROP INDEX "Ticket_tier_id_idx";
DROP INDEX "Ticket_priority_id_idx";

-- CreateIndex: each sort within a tier (agents, and managers who choose a tier), and the default order across tiers (managers).
CREATE INDEX "Ticket_open_tier_priority_idx" ON "Ticket" ("tier", "priority", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_firstResponseDueAt_idx" ON "Ticket" ("tier", "firstResponseDueAt", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_resolutionDueAt_idx" ON "Ticket" ("tier", "resolutionDueAt", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_tierBudgetEndsAt_idx" ON "Ticket" ("tier", "tierBudgetEndsAt", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_updatedAt_idx" ON "Ticket" ("tier", "updatedAt", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_id_idx" ON "Ticket" ("tier", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_priority_idx" ON "Ticket" ("priority", "id") WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');

