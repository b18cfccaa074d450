-- TicketEvent's (type, createdAt) index, over the events that are read by type and time only (issue 18, written
-- by hand: the schema cannot express a partial index). Every such read names some of these five types as
-- literals (the dashboard's partial days and its recount, the queue's "escalated" view); the events read only
-- through their ticket ("TicketEvent_ticketId_id_idx"), three of them written with every ticket (CREATED,
-- CLASSIFIED, ASSIGNED), no longer cost an entry: 137 of the 283 bytes of index per ticket in bench:routing.
CREATE INDEX "TicketEvent_counted_type_createdAt_idx" ON "TicketEvent" ("type", "createdAt")
  WHERE "type" IN ('ESCALATED', 'AUTO_ESCALATED', 'RETURNED', 'STATUS_CHANGED', 'ALERT');

DROP INDEX "TicketEvent_type_createdAt_idx";
