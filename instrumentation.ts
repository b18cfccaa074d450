// Runs once when the server starts: the SLA sweep every minute (TIERDESK_SWEEP_SECONDS, 0 turns it off),
// the outbox mail worker every 10 s (TIERDESK_MAIL_SECONDS) and the sweep of orphan attachment files every
// hour (TIERDESK_ATTACHMENT_SWEEP_SECONDS). Several instances may run all three at once: the sweep's advisory
// lock lets one of them work at a time, the worker's leases keep each mail to one, and a file is removed
// only while no row names it (removing one already gone is no error).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSweepSchedule } = await import("@/lib/routing/sweep-schedule");
  startSweepSchedule();
  const { startDeliverySchedule } = await import("@/lib/mail/delivery-schedule");
  startDeliverySchedule();
  const { startOrphanSweepSchedule } = await import("@/lib/attachments/orphan-sweep-schedule");
  startOrphanSweepSchedule();
}
