// Runs once when the server starts: the SLA sweep every minute (TIERDESK_SWEEP_SECONDS, 0 turns it off)
// and the outbox mail worker every 10 s (TIERDESK_MAIL_SECONDS). Several instances may run both at once:
// the sweep's advisory lock lets one of them work at a time, and the worker's leases keep each mail to one.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSweepSchedule } = await import("@/lib/routing/sweep-schedule");
  startSweepSchedule();
  const { startDeliverySchedule } = await import("@/lib/mail/delivery-schedule");
  startDeliverySchedule();
}
