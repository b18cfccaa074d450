-- Ticket numbers come from one sequence per type: no row lock serializes concurrent intakes, and a
-- number once taken is never handed out again (a rolled-back intake leaves a gap, never a reuse).
CREATE SEQUENCE "ticket_number_incident" AS integer START 1;
CREATE SEQUENCE "ticket_number_service_request" AS integer START 1;
SELECT setval('ticket_number_incident', "last", true) FROM "TicketNumberCounter" WHERE "type" = 'INCIDENT' AND "last" > 0;
SELECT setval('ticket_number_service_request', "last", true) FROM "TicketNumberCounter" WHERE "type" = 'SERVICE_REQUEST' AND "last" > 0;

-- DropTable
DROP TABLE "TicketNumberCounter";
