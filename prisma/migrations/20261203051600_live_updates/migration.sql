-- Live updates (issue 17 §1): every change a browser may be shown is announced on the channel "tierdesk_live"
-- with pg_notify, inside the transaction that makes it. PostgreSQL delivers a notification only when its
-- transaction commits (a rolled-back change announces nothing), to every instance's one LISTEN connection
-- (lib/live/listener.ts). Payloads carry ids and routing facts, never bodies (a NOTIFY payload is < 8000 bytes):
-- the stream decides per person what to send (lib/live/deliver.ts). lib/live/change.ts parses these shapes.

-- A decision-log event, with the ticket as the transaction leaves it: a constraint trigger deferred to the
-- commit, so the version, tier, group and assignee are the final ones whatever order the service wrote in.
-- The routing facts name the tiers, groups (slugs) and assignees (user IDs) before, after and now, so each
-- queue the change enters or leaves hears of it.
CREATE FUNCTION "live_ticket_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t RECORD;
BEGIN
  SELECT tk."number", tk."customerId", tk."version", tk."status", tk."tier", g."slug" AS "group", a."userId" AS "assignee",
    left(actor."name", 120) AS "actorName"
  INTO t
  FROM "Ticket" tk
  JOIN "SupportGroup" g ON g."id" = tk."groupId"
  LEFT JOIN "User" a ON a."id" = tk."assigneeId"
  LEFT JOIN "User" actor ON actor."id" = NEW."actorId"
  WHERE tk."id" = NEW."ticketId";
  PERFORM pg_notify('tierdesk_live', json_build_object(
    'k', 'event',
    'id', NEW."id",
    'type', NEW."type",
    'rule', left(NEW."rule", 100),
    'visibility', NEW."inputs"->>'visibility',
    'actor', NEW."actorId",
    'actorName', t."actorName",
    'ticket', NEW."ticketId",
    'number', t."number",
    'customer', t."customerId",
    'version', t."version",
    'status', t."status",
    'tiers', json_build_array(NEW."fromTier", NEW."toTier", t."tier"),
    'groups', json_build_array(left(NEW."fromGroup", 100), left(NEW."toGroup", 100), left(t."group", 100)),
    'assignees', json_build_array(left(NEW."fromAssignee", 100), left(NEW."toAssignee", 100), left(t."assignee", 100))
  )::text);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "TicketEvent_live" AFTER INSERT ON "TicketEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_ticket_event"();

-- A notification for a staff member (the bell): one per row, set-based for the sweep's thousand.
CREATE FUNCTION "live_notifications"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tierdesk_live', json_build_object('k', 'notification', 'id', n."id", 'to', n."recipientId", 'ticket', n."ticketId")::text)
  FROM new_notifications n;
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_notifications FOR EACH STATEMENT EXECUTE FUNCTION "live_notifications"();

-- Someone opened a ticket page: a viewer who was not present (no row, or no heartbeat within the presence
-- window of lib/tickets/presence.ts, 30 s). Heartbeats of a viewer already present announce nothing.
CREATE FUNCTION "live_presence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR OLD."seenAt" < NEW."seenAt" - interval '30 seconds' THEN
    PERFORM pg_notify('tierdesk_live', json_build_object(
      'k', 'presence',
      'number', (SELECT tk."number" FROM "Ticket" tk WHERE tk."id" = NEW."ticketId"),
      'user', NEW."userId"
    )::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketViewer_live" AFTER INSERT OR UPDATE OF "seenAt" ON "TicketViewer"
  FOR EACH ROW EXECUTE FUNCTION "live_presence"();

-- What a person's open streams depend on changed: deactivated, a new PIN or password, another role or tier,
-- or their groups. Their streams re-check the session (lib/live/hub.ts) and end if it no longer holds.
CREATE FUNCTION "live_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tierdesk_live', json_build_object('k', 'user', 'id', CASE WHEN TG_OP = 'DELETE' THEN OLD."userId" ELSE NEW."userId" END)::text);
  RETURN NULL;
END $$;

CREATE FUNCTION "live_user_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tierdesk_live', json_build_object('k', 'user', 'id', NEW."id")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "User_live" AFTER UPDATE OF "active", "role", "tier", "secretChangedAt" ON "User"
  FOR EACH ROW
  WHEN (OLD."active" IS DISTINCT FROM NEW."active" OR OLD."role" IS DISTINCT FROM NEW."role"
    OR OLD."tier" IS DISTINCT FROM NEW."tier" OR OLD."secretChangedAt" IS DISTINCT FROM NEW."secretChangedAt")
  EXECUTE FUNCTION "live_user_row"();

CREATE TRIGGER "GroupMembership_live" AFTER INSERT OR DELETE ON "GroupMembership"
  FOR EACH ROW EXECUTE FUNCTION "live_user"();

-- A signed-out session: its streams end.
CREATE FUNCTION "live_session_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tierdesk_live', json_build_object('k', 'session', 'sid', NEW."jti")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "RevokedSession_live" AFTER INSERT ON "RevokedSession"
  FOR EACH ROW EXECUTE FUNCTION "live_session_revoked"();

-- A revoked API token: the streams it opened end.
CREATE FUNCTION "live_token_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tierdesk_live', json_build_object('k', 'token', 'id', NEW."id")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "ApiToken_live" AFTER UPDATE OF "revokedAt" ON "ApiToken"
  FOR EACH ROW WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION "live_token_revoked"();
