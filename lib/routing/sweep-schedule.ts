import { runSweep } from "./sweep";

const holder = globalThis as unknown as { tierdeskSweepTimer?: ReturnType<typeof setInterval> };

export function sweepIntervalSeconds(value = process.env.TIERDESK_SWEEP_SECONDS): number {
  const seconds = Number(value ?? 60);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 60;
}

/** Starts the in-process sweep timer once per process; a failed run is logged and retried next time. */
export function startSweepSchedule(): void {
  const seconds = sweepIntervalSeconds();
  if (seconds === 0 || holder.tierdeskSweepTimer) return;
  let running = false;
  holder.tierdeskSweepTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const result = await runSweep();
      if (result.escalated || result.alerted || result.updatesDue) console.log(`[sweep] ${JSON.stringify(result)}`);
    } catch (error) {
      console.error("[sweep] failed:", error);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  holder.tierdeskSweepTimer.unref?.();
}
