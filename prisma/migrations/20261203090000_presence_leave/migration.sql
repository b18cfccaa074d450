-- A viewer who closes a ticket page leaves at once (their row is deleted): the others are told, as they are
-- told of an arrival, instead of seeing the name until the 30 s presence window runs out.
CREATE OR REPLACE FUNCTION "live_presence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tierdesk_live', json_build_object(
      'k', 'presence',
      'number', (SELECT tk."number" FROM "Ticket" tk WHERE tk."id" = OLD."ticketId"),
      'user', OLD."userId"
    )::text);
  ELSIF TG_OP = 'INSERT' OR OLD."seenAt" < NEW."seenAt" - interval '30 seconds' THEN
    PERFORM pg_notify('tierdesk_live', json_build_object(
      'k', 'presence',
      'number', (SELECT tk."number" FROM "Ticket" tk WHERE tk."id" = NEW."ticketId"),
      'user', NEW."userId"
    )::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketViewer_leave_live" AFTER DELETE ON "TicketViewer"
  FOR EACH ROW EXECUTE FUNCTION "live_presence"();
