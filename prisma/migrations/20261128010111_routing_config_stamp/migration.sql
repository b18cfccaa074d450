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

DO $$
DECLARE
  source text;
BEGIN
  FOREACH source IN ARRAY ARRAY['Category', 'SupportGroup', 'Organization', 'SupportCalendar', 'CalendarHoliday',
                                'PriorityMatrixVersion', 'MatrixCell', 'SlaTarget'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"()', source || '_routing_config', source);
  END LOOP;
END
$$;
