/** Seconds from an environment value: a number ≥ 0 (0 turns the job off), else `fallback`. */
export function intervalSeconds(value: string | undefined, fallback: number): number {
  const seconds = Number(value ?? fallback);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}

const timers = ((globalThis as unknown as { tierdeskTimers?: Map<string, ReturnType<typeof setInterval>> }).tierdeskTimers ??= new Map());

/**
 * Runs `run` every `seconds` inside this process, once per `name` however often it is started (hot reloads
 * included); a run never overlaps the one before. What a run reports (null: nothing worth a line) is logged,
 * and a failed run is logged and tried again next time.
 */
export function startRepeatingJob(name: string, seconds: number, run: () => Promise<string | null>): void {
  if (seconds === 0 || timers.has(name)) return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const report = await run();
      if (report) console.log(`[${name}] ${report}`);
    } catch (error) {
      console.error(`[${name}] failed:`, error);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  timer.unref?.();
  timers.set(name, timer);
}
