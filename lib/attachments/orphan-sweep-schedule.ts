import { sweepOrphanFiles } from "./sweep-orphan-files";

const holder = globalThis as unknown as { tierdeskOrphanTimer?: ReturnType<typeof setInterval> };

export function orphanSweepIntervalSeconds(value = process.env.TIERDESK_ATTACHMENT_SWEEP_SECONDS): number {
  const seconds = Number(value ?? 3600);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 3600;
}

/**
 * Starts the in-process sweep of orphan attachment files once per process (TIERDESK_ATTACHMENT_SWEEP_SECONDS,
 * default hourly; 0 turns it off). A failed run is logged and retried next time.
 */
export function startOrphanSweepSchedule(): void {
  const seconds = orphanSweepIntervalSeconds();
  if (seconds === 0 || holder.tierdeskOrphanTimer) return;
  let running = false;
  holder.tierdeskOrphanTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const result = await sweepOrphanFiles();
      if (result.removed) console.log(`[attachments] orphan files removed: ${JSON.stringify(result)}`);
    } catch (error) {
      console.error("[attachments] orphan sweep failed:", error);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  holder.tierdeskOrphanTimer.unref?.();
}
