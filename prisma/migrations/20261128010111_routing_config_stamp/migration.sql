-- CreateTable
CREATE TABLE "RoutingConfigStamp" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RoutingConfigStamp_pkey" PRIMARY KEY ("id")
);

-- Written by hand (functions and triggers are not diffed). The one row, and the statement triggers that
-- move its version on any change to what intake keeps in memory (lib/tickets/intake-catalog.ts).
INSERT INTO "RoutingConfigStamp" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "routing_config_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RoutingConfigStamp" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RoutingConfigStamp"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Category_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "SupportGroup_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SupportGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "Organization_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "SupportCalendar_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SupportCalendar"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "CalendarHoliday_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarHoliday"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "PriorityMatrixVersion_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PriorityMatrixVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "MatrixCell_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MatrixCell"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
CREATE TRIGGER "SlaTarget_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SlaTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();
