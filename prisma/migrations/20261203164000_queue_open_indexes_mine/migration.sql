-- The agent queue at 1,000,000 tickets (issue 18), continued (written by hand, as queue_open_indexes): what the second
-- quiet run of bench:pages showed.

-- "Mine": the planner fetched an agent's open tickets by walking every open ticket ("Ticket_dashboard_live_idx",
-- 100,000 rows filtered down to 1,890: 120-260 ms) rather than through (assigneeId, status, priority). This index
-- holds the open tickets only, with every column the view sorts on: the view and its count read it alone (3 ms).
CREATE INDEX "Ticket_open_assignee_idx" ON "Ticket" ("assigneeId", "tier")
  INCLUDE ("id", "priority", "firstResponseDueAt", "resolutionDueAt", "tierBudgetEndsAt", "updatedAt")
  WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');

-- "Due soon" and "Update due", and their counts on every queue page: the warning columns over the open tickets of
-- a tier, so the planner no longer intersects each column's whole index with a bitmap of every open ticket.
CREATE INDEX "Ticket_open_tier_tierBudgetWarnAt_idx" ON "Ticket" ("tier", "tierBudgetWarnAt")
  WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_resolutionWarnAt_idx" ON "Ticket" ("tier", "resolutionWarnAt")
  WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_nextUpdateDueAt_idx" ON "Ticket" ("tier", "nextUpdateDueAt")
  WHERE "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
CREATE INDEX "Ticket_open_tier_updateDueFlagged_idx" ON "Ticket" ("tier", "updateDueFlaggedAt")
  WHERE "updateDueFlaggedAt" IS NOT NULL AND "status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR');
