-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Ticket_updateDueFlaggedAt_idx" ON "Ticket"("updateDueFlaggedAt");

-- CreateIndex
CREATE INDEX "Ticket_groupId_assigneeId_priority_id_status_tier_idx" ON "Ticket"("groupId", "assigneeId", "priority", "id", "status", "tier");

-- CreateIndex
CREATE INDEX "Ticket_priority_id_idx" ON "Ticket"("priority", "id");

-- CreateIndex
CREATE INDEX "Ticket_searchVector_idx" ON "Ticket" USING GIN ("searchVector");

-- Full-text search of the agent queue (written by hand: Prisma does not diff functions or triggers).
-- Text is parsed with 'english' (stems and stop words: "printers" finds "printer"). The number is parsed
-- with 'simple' so "INC-000042" matches as typed, plus its bare digits ("000042", "42") as lexemes, which
-- the parser would otherwise read as a negative integer. Internal notes never enter the vector.
CREATE FUNCTION "ticket_search_vector"(ticket_id integer, ticket_number text, title text, description text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT to_tsvector('simple', ticket_number)
      || array_to_tsvector(ARRAY[
           lower(ticket_number),
           regexp_replace(ticket_number, '^[^0-9]*', ''),
           COALESCE(NULLIF(ltrim(regexp_replace(ticket_number, '^[^0-9]*', ''), '0'), ''), '0')
         ])
      || to_tsvector('english', title || ' ' || description)
      || to_tsvector('english', COALESCE((
           SELECT string_agg(c."body", ' ' ORDER BY c."id")
           FROM "Comment" c
           WHERE c."ticketId" = ticket_id AND c."visibility" = 'PUBLIC'
         ), ''))
$$;

CREATE FUNCTION "ticket_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "ticket_search_vector"(NEW."id", NEW."number", NEW."title", NEW."description");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Ticket_search_vector"
  BEFORE INSERT OR UPDATE OF "number", "title", "description" ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "ticket_search_vector_refresh"();

CREATE FUNCTION "comment_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."visibility" <> 'PUBLIC' THEN RETURN NULL; END IF;
    affected := ARRAY[NEW."ticketId"];
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."visibility" <> 'PUBLIC' THEN RETURN NULL; END IF;
    affected := ARRAY[OLD."ticketId"];
  ELSE
    IF OLD."visibility" <> 'PUBLIC' AND NEW."visibility" <> 'PUBLIC' THEN RETURN NULL; END IF;
    affected := ARRAY[OLD."ticketId", NEW."ticketId"];
  END IF;
  UPDATE "Ticket" t
  SET "searchVector" = "ticket_search_vector"(t."id", t."number", t."title", t."description")
  WHERE t."id" = ANY(affected);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Comment_search_vector"
  AFTER INSERT OR UPDATE OR DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_search_vector_refresh"();

-- Tickets that existed before this migration.
UPDATE "Ticket" t SET "searchVector" = "ticket_search_vector"(t."id", t."number", t."title", t."description");
