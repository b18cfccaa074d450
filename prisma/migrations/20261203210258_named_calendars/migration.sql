-- Named, versioned calendars (issue 19). Each calendar's hours and holidays move into its version 1; the
-- data moves by hand before the old columns and the holiday table go.

-- CreateTable
CREATE TABLE "CalendarVersion" (
    "id" TEXT NOT NULL,
    "calendarId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "windows" JSONB NOT NULL,
    "holidays" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarVersion_calendarId_version_key" ON "CalendarVersion"("calendarId", "version");

-- Written by hand: every calendar's one opening window per workday and its holidays (one day each) become version 1.
INSERT INTO "CalendarVersion" ("id", "calendarId", "version", "timeZone", "windows", "holidays", "note")
SELECT gen_random_uuid()::text, k."id", 1, k."timeZone",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opensAtMinute', k."opensAtMinute", 'closesAtMinute', k."closesAtMinute") ORDER BY d)
                 FROM unnest(k."workdays") AS d), '[]'::jsonb),
       COALESCE((SELECT jsonb_agg(jsonb_build_object('from', to_char(h."date", 'YYYY-MM-DD'), 'to', to_char(h."date", 'YYYY-MM-DD'), 'name', h."name") ORDER BY h."date")
                 FROM "CalendarHoliday" h WHERE h."calendarId" = k."id"), '[]'::jsonb),
       'Support hours before named calendars'
FROM "SupportCalendar" k;

-- DropForeignKey
ALTER TABLE "CalendarHoliday" DROP CONSTRAINT "CalendarHoliday_calendarId_fkey";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "calendarId" TEXT;

-- AlterTable
ALTER TABLE "SupportCalendar" DROP COLUMN "closesAtMinute",
DROP COLUMN "opensAtMinute",
DROP COLUMN "timeZone",
DROP COLUMN "workdays",
ADD COLUMN     "builtIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "SupportGroup" ADD COLUMN     "calendarId" TEXT;

-- DropTable
DROP TABLE "CalendarHoliday";

-- Written by hand: the built-in 24×7 calendar, always open.
INSERT INTO "SupportCalendar" ("id", "slug", "name", "builtIn", "autoCloseBusinessDays")
VALUES (gen_random_uuid()::text, '24x7', '24×7', true, 5)
ON CONFLICT ("slug") DO UPDATE SET "builtIn" = true;
INSERT INTO "CalendarVersion" ("id", "calendarId", "version", "timeZone", "windows", "holidays", "note")
SELECT gen_random_uuid()::text, k."id", COALESCE((SELECT max(v."version") FROM "CalendarVersion" v WHERE v."calendarId" = k."id"), 0) + 1, 'UTC',
       (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opensAtMinute', 0, 'closesAtMinute', 1440) ORDER BY d) FROM generate_series(1, 7) AS d),
       '[]'::jsonb, 'Built in: always open'
FROM "SupportCalendar" k WHERE k."slug" = '24x7';

-- Written by hand: intake keeps calendars in memory too (lib/tickets/intake-catalog.ts).
CREATE TRIGGER "CalendarVersion_routing_config" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "routing_config_changed"();

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "SupportCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportGroup" ADD CONSTRAINT "SupportGroup_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "SupportCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarVersion" ADD CONSTRAINT "CalendarVersion_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "SupportCalendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarVersion" ADD CONSTRAINT "CalendarVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
