-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "firstResponseMet" BOOLEAN,
ADD COLUMN     "resolutionMet" BOOLEAN;

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_resolvedAt_idx" ON "Ticket"("resolvedAt");

-- SLA outcomes for the manager dashboard (written by hand: functions and triggers are not diffed).
-- A due time is cleared when its clock stops, so the outcome is recorded at that moment, from the due
-- time the row had just before: every write path (services, sweep, bulk SQL) records it alike.
CREATE FUNCTION "ticket_sla_outcome"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."firstRespondedAt" IS NULL AND NEW."firstRespondedAt" IS NOT NULL THEN
    NEW."firstResponseMet" := OLD."firstResponseDueAt" IS NULL OR NEW."firstRespondedAt" <= OLD."firstResponseDueAt";
  ELSIF NEW."firstRespondedAt" IS NULL AND OLD."resolvedAt" IS NULL AND NEW."resolvedAt" IS NOT NULL THEN
    -- Resolved with no public reply: the resolution answered the customer, on time or not.
    NEW."firstResponseMet" := OLD."firstResponseDueAt" IS NULL OR NEW."resolvedAt" <= OLD."firstResponseDueAt";
  END IF;
  IF OLD."resolvedAt" IS NULL AND NEW."resolvedAt" IS NOT NULL THEN
    NEW."resolutionMet" := OLD."slaAlertLevel" < 100
      AND (OLD."resolutionDueAt" IS NULL OR NEW."resolvedAt" <= OLD."resolutionDueAt");
  ELSIF NEW."resolvedAt" IS NULL THEN
    NEW."resolutionMet" := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Ticket_sla_outcome" BEFORE UPDATE OF "firstRespondedAt", "resolvedAt" ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "ticket_sla_outcome"();
