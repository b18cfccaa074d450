-- Written by hand (Prisma does not model column compression). An AUTO group's ASSIGNED event keeps every
-- candidate with its load: about 7 kB of jsonb for 50 agents, which PostgreSQL compresses on insert. lz4
-- compresses it to about 1 kB several times faster than the default pglz (measured with bench:routing's
-- intake: ~10 % more tickets per second). A PostgreSQL built without lz4 (PGlite) keeps pglz.
DO $$
BEGIN
  ALTER TABLE "TicketEvent" ALTER COLUMN "inputs" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;
