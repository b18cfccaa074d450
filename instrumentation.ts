// Runs once when the server starts: the SLA sweep every minute (TIERDESK_SWEEP_SECONDS, 0 turns it off).
// Several instances may run it at once: the sweep's advisory lock lets one of them work at a time.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSweepSchedule } = await import("@/lib/routing/sweep-schedule");
  startSweepSchedule();
}
